package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.HybridRetriever;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The quality floor: the real knowledge, the tuned evaluation sets and the real in-process embedding model. Timings
 * are the benchmark's business ({@code coach-bench.jar}); this test only guards against regressions in what is
 * found. {@code -Dcoachbot.knowledge=…} and {@code -Dcoachbot.eval=…} point it at other folders.
 */
class HybridRetrieverQualityTest {
    private static final double MIN_RECALL_AT_3 = 0.95;
    private static final double MIN_OFF_TOPIC_REJECTION = 0.85;
    /** Under target/, so repeated runs reuse the section embeddings and {@code mvn clean} removes them. */
    private static final Path CACHE_DIR = Path.of("target", "quality-test-embeddings");

    private static KnowledgeBase knowledge;
    private static List<EvalQuestion> questions;
    private static RetrievalQuality quality;

    @BeforeAll
    static void measure() {
        knowledge = new KnowledgeLoader().load(Path.of(System.getProperty("coachbot.knowledge", "../knowledge")));
        String evalDir = System.getProperty("coachbot.eval");
        // The held-out set is reported by the benchmark, never used as a floor: floors are what tuning may rely on.
        questions = (evalDir == null ? EvalSet.fromClasspath() : EvalSet.fromFolder(Path.of(evalDir))).stream()
                .filter(q -> !q.set().equals(RetrievalBenchmark.HELD_OUT_SET)).toList();
        if (knowledge.sections().isEmpty() || questions.isEmpty()) {
            return;
        }
        HybridRetriever hybrid = new RetrievalIndex(RetrievalIndex.defaultEmbeddingModel(), CACHE_DIR)
                .build(knowledge, IndexProgress.NONE);
        quality = RetrievalQuality.measure(hybrid, questions);
    }

    @Test
    void should_find_an_expected_section_within_the_first_three_hits_for_nineteen_questions_in_twenty() {
        assumeMeasured();
        assertTrue(quality.recallAt3() >= MIN_RECALL_AT_3,
                () -> "Recall@3 " + quality.recallAt3() + " < " + MIN_RECALL_AT_3 + "; misses:\n" + misses());
    }

    @Test
    void should_decline_at_least_seventeen_off_topic_questions_in_twenty() {
        assumeMeasured();
        assumeTrue(quality.offTopic() > 0, "the evaluation sets have no off-topic question");
        assertTrue(quality.offTopicRejection() >= MIN_OFF_TOPIC_REJECTION,
                () -> "off-topic rejection " + quality.offTopicRejection() + " < " + MIN_OFF_TOPIC_REJECTION
                        + "; misses:\n" + misses());
    }

    @Test
    void should_expect_only_sections_that_exist() {
        assumeMeasured();
        String unknown = questions.stream()
                .flatMap(q -> q.expectedIds().stream()
                        .filter(id -> knowledge.section(id).isEmpty())
                        .map(id -> q.source() + ": " + id))
                .collect(Collectors.joining("\n"));
        assertTrue(unknown.isEmpty(), () -> "evaluation sets name sections that do not exist:\n" + unknown);
    }

    private static void assumeMeasured() {
        assumeTrue(quality != null, "no sections in ../knowledge or no eval/questions-*.tsv on the classpath");
    }

    private static String misses() {
        return quality.misses().stream()
                .map(m -> m.question().source() + " " + m.question().question() + " expected "
                        + m.question().expectedIds() + " got " + m.got())
                .collect(Collectors.joining("\n"));
    }
}
