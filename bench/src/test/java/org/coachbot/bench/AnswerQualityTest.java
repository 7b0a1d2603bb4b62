package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.HybridRetriever;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floors for whether the first message answers the question, on the tuned answer set and on the held-out ones,
 * asked through the real tip service with the real knowledge and embedding model. The figures themselves come from
 * {@code coach-bench.jar tips}; a floor here only stops a regression.
 */
class AnswerQualityTest {
    private static final Path CACHE_DIR = Path.of("target", "quality-test-embeddings");
    private static final Map<String, AnswerQuality> BY_SET = new HashMap<>();

    @BeforeAll
    static void measure() {
        KnowledgeBase kb = new KnowledgeLoader().load(Path.of(System.getProperty("coachbot.knowledge",
                "../knowledge")));
        HybridRetriever hybrid = new RetrievalIndex(RetrievalIndex.defaultEmbeddingModel(), CACHE_DIR)
                .build(kb, IndexProgress.NONE);
        for (AnswerSet.File set : AnswerSet.fromClasspath()) {
            InMemoryQuestionLog log = new InMemoryQuestionLog();
            BY_SET.put((set.heldOut() ? "held out " : "tuned ") + set.name(),
                    AnswerQuality.measure(AnswerBenchmark.tips(kb, hybrid, log, SafetyBenchmark.detector(Path.of("target", "quality-test-embeddings"), kb)), log, RetrievalBenchmark.GLANCE_CHARS,
                            set.questions()));
        }
    }

    @Test
    void should_answer_most_tuned_questions_with_their_first_and_most_key_points() {
        AnswerQuality q = BY_SET.get("tuned answers-t.tsv");
        assertTrue(q.mostlyRate() >= 0.81, () -> "tuned: " + q.mostlyRate());
        assertTrue(q.answerRate() >= 0.70, () -> "tuned, every key point: " + q.answerRate());
    }

    @Test
    void should_decline_uncovered_questions_and_rarely_a_covered_one_on_every_set() {
        BY_SET.forEach((set, q) -> {
            // tuned t 0.96; u (written blind, tuned on since) 0.78, held out g 0.76 and h 0.86, under the issue's
            // 0.90: floors that stop a regression
            double floor = set.equals("tuned answers-t.tsv") ? 0.94 : 0.75;
            assertTrue(q.uncoveredDeclineRate() >= floor, () -> set + " uncovered declined " + q.uncoveredDeclineRate());
            assertTrue(q.coveredDeclineRate() <= 0.04, () -> set + " covered declined " + q.coveredDeclineRate());
        });
    }

    @Test
    void should_keep_the_held_out_figures_from_falling() {
        // Measured with the principles line: first and most g 0.689, h 0.632; every key point g 0.536, h 0.539.
        BY_SET.entrySet().stream().filter(e -> e.getKey().startsWith("held out")).forEach(e -> {
            assertTrue(e.getValue().mostlyRate() >= 0.61, () -> e.getKey() + ": " + e.getValue().mostlyRate());
            assertTrue(e.getValue().answerRate() >= 0.52, () -> e.getKey() + ", every key point: "
                    + e.getValue().answerRate());
        });
    }
}
