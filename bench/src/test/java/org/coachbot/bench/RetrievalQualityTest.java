package org.coachbot.bench;

import org.coachbot.knowledge.Section;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.Retriever;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetrievalQualityTest {
    private static final Map<String, List<String>> ANSWERS = Map.of(
            "first", List.of("a#1", "a#2"),
            "second", List.of("a#1", "a#2", "a#3"),
            "missed", List.of("a#1", "a#2", "a#3", "a#4"),
            "rejected", List.of(),
            "off-topic declined", List.of(),
            "off-topic answered", List.of("a#1"));

    private final Retriever fixed = (query, maxResults) -> ANSWERS.get(query).stream()
            .map(id -> new Hit(new Section(id, "a.md", "", id, "body", List.of(), "", 1), 1.0))
            .toList();

    @Test
    void should_count_recall_mrr_and_rejections_the_way_the_benchmark_reports_them() {
        List<EvalQuestion> questions = List.of(
                new EvalQuestion("first", Set.of("a#1"), ""),
                new EvalQuestion("second", Set.of("a#2", "a#9"), ""),
                new EvalQuestion("missed", Set.of("a#4"), ""),
                new EvalQuestion("rejected", Set.of("a#1"), ""),
                new EvalQuestion("off-topic declined", Set.of(), ""),
                new EvalQuestion("off-topic answered", Set.of(), ""));

        RetrievalQuality q = RetrievalQuality.measure(fixed, questions);

        assertEquals(4, q.onTopic());
        assertEquals(2, q.offTopic());
        assertEquals(0.25, q.recallAt1(), 1e-9);
        assertEquals(0.5, q.recallAt3(), 1e-9);
        assertEquals((1 + 0.5 + 0.25 + 0) / 4, q.mrr(), 1e-9);
        assertEquals(0.5, q.offTopicRejection(), 1e-9);
        assertEquals(1, q.onTopicRejected());
        assertEquals(3, q.misses().size());
    }
}
