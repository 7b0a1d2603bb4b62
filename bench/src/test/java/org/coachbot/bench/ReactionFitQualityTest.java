package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.roleplay.engine.EmbeddingMeaning;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floors of the customer's understanding with the real knowledge and the real embedding model: a change that
 * makes replies stop fitting the trainee's lines, leaves fact questions unanswered or makes the customer repeat
 * itself fails the build. The figures themselves are the benchmark's ({@code coach-bench.jar roleplay}); timings
 * are never asserted here.
 */
class ReactionFitQualityTest {
    /** Replies that fit, at least: the target for sets nobody tuned on is 95%. */
    private static final double MIN_FIT = 0.95;
    /** Fact questions answered with the right fact, at least. */
    private static final double MIN_FACTS = 0.95;
    /**
     * Floors on the held-out lines, a little under what they measure today (l1: 90.4% fit, 93.3% facts; l2: 86.4%,
     * 86.9%): they stop a regression on lines nobody tuned for. The targets (95%, 95%) are not met there yet;
     * the benchmark prints both sets against them.
     */
    private static final double HELD_OUT_MIN_FIT = 0.86;
    private static final double HELD_OUT_MIN_FACTS = 0.86;
    /**
     * Floors on the second tuning set (measured 96.4% fit, 91.7% facts): endings, hedges and requests for the story
     * in trainees' words, written after the first set was met.
     */
    private static final double SECOND_MIN_FIT = 0.95;
    private static final double SECOND_MIN_FACTS = 0.90;
    /**
     * Floors on the third tuning set (measured 94.9% fit, 94.8% facts), written blind from the scenarios' briefings
     * and fact sheets by someone who never saw the customer's vocabulary.
     */
    private static final double THIRD_MIN_FIT = 0.94;
    private static final double THIRD_MIN_FACTS = 0.94;
    /**
     * Floors on the fourth tuning set (measured 91.3% fit, 93.4% facts), written blind from the seed decks and the
     * briefings; 14 of its 26 misses are goodbyes, most before anything was done, which it expects the customer to
     * take and the customer objects to by design (see docs/roleplay-customer.md).
     */
    private static final double FOURTH_MIN_FIT = 0.90;
    private static final double FOURTH_MIN_FACTS = 0.93;
    private static ScenarioBook book;
    private static EmbeddingMeaning meaning;

    @BeforeAll
    static void load() {
        Path dir = Path.of(System.getProperty("coachbot.knowledge", "../knowledge"));
        book = ScenarioBook.load(dir, new KnowledgeLoader().load(dir));
        meaning = new EmbeddingMeaning(RetrievalIndex.defaultEmbeddingModel());
        meaning.warm(book.phrases());
    }

    @Test
    void replies_fit_the_tuning_lines_and_answer_their_fact_questions_without_repeating_a_line() {
        ReactionFit.Report r = report("eval/lines-t.tsv");

        assertTrue(r.rows() >= 200, "rows " + r.rows());
        assertTrue(1 - r.notFitting() >= MIN_FIT, "replies that fit " + r.fit() + " of " + r.rows());
        assertTrue(r.factShare() >= MIN_FACTS, "facts " + r.factAnswered() + " of " + r.factRows());
        assertEquals(0, r.repeated());
        assertEquals(0, r.unknownFacts(), "every expected fact exists");
    }

    @Test
    void replies_fit_the_second_tuning_lines_without_repeating_a_line() {
        ReactionFit.Report r = report("eval/lines-t2.tsv");

        assertTrue(1 - r.notFitting() >= SECOND_MIN_FIT, "replies that fit " + r.fit() + " of " + r.rows());
        assertTrue(r.factShare() >= SECOND_MIN_FACTS, "facts " + r.factAnswered() + " of " + r.factRows());
        assertEquals(0, r.repeated());
        assertEquals(0, r.unknownFacts(), "every expected fact exists");
    }

    @Test
    void replies_fit_the_blind_tuning_lines_without_repeating_a_line() {
        ReactionFit.Report r = report("eval/lines-t3.tsv");

        assertTrue(1 - r.notFitting() >= THIRD_MIN_FIT, "replies that fit " + r.fit() + " of " + r.rows());
        assertTrue(r.factShare() >= THIRD_MIN_FACTS, "facts " + r.factAnswered() + " of " + r.factRows());
        assertEquals(0, r.repeated());
        assertEquals(0, r.unknownFacts(), "every expected fact exists");
    }

    @Test
    void replies_fit_the_fourth_blind_tuning_lines_without_repeating_a_line() {
        ReactionFit.Report r = report("eval/lines-t4.tsv");

        assertTrue(1 - r.notFitting() >= FOURTH_MIN_FIT, "replies that fit " + r.fit() + " of " + r.rows());
        assertTrue(r.factShare() >= FOURTH_MIN_FACTS, "facts " + r.factAnswered() + " of " + r.factRows());
        assertEquals(0, r.repeated());
        assertEquals(0, r.unknownFacts(), "every expected fact exists");
    }

    @Test
    void fact_questions_asked_as_first_lines_are_answered_with_their_fact() {
        for (EvalFiles.Set set : EvalFiles.FACT_QUESTIONS) {
            List<ReactionFit.Row> rows = Realism.readFactQuestions(set.resource()).stream()
                    .map(q -> new ReactionFit.Row(set.resource(), q.scenario(), List.of(), q.question(),
                            Set.of("fact:" + q.fact()))).toList();

            ReactionFit.Report r = ReactionFit.report(book, ReactionFit.play(book, meaning, rows));

            assertTrue(r.factShare() >= MIN_FACTS, set.label() + ": " + r.factAnswered() + " of " + r.factRows());
        }
    }

    @Test
    void held_out_lines_do_not_fall_below_their_measured_figures() {
        for (EvalFiles.Set set : EvalFiles.LINES) {
            if (set.tuning() || !ReactionFit.present(set.resource())) {
                continue;
            }
            ReactionFit.Report r = report(set.resource());

            assertTrue(1 - r.notFitting() >= HELD_OUT_MIN_FIT, set.label() + ": replies that fit " + r.fit() + " of "
                    + r.rows());
            assertTrue(r.factShare() >= HELD_OUT_MIN_FACTS, set.label() + ": facts " + r.factAnswered() + " of "
                    + r.factRows());
            assertEquals(0, r.repeated(), set.label());
        }
    }

    private static ReactionFit.Report report(String resource) {
        return ReactionFit.report(book, ReactionFit.play(book, meaning, ReactionFit.read(resource)));
    }
}
