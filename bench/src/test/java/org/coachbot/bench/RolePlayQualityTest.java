package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.roleplay.engine.EmbeddingMeaning;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quality floors of role-play with the real knowledge, the real embedding model and the graded calls: a change
 * that makes the score disagree with trainers, or the customer repeat itself, fails the build. The figures
 * themselves are the benchmark's ({@code coach-bench.jar roleplay}).
 */
class RolePlayQualityTest {
    /** Floors on every graded call (measured 0.916 and 80.6 points over sets a-e and t2-t4). */
    private static final double MIN_RHO = 0.915;
    private static final double MIN_EXCELLENT_GAP = 80;
    /**
     * Floors on the held-out sets d and e, under what they measure (0.877, 72.3 points, pass/fail agreeing with the
     * grade in 87% of calls, 87% of excellent calls at 85 or more): they stop a regression; the targets
     * (0.9, 50 points, 90% and 80%) are printed by the benchmark.
     */
    private static final double HELD_OUT_MIN_RHO = 0.875;
    private static final double HELD_OUT_MIN_EXCELLENT_GAP = 72;
    private static final double HELD_OUT_MIN_AGREEMENT = 0.86;
    private static final double HELD_OUT_MIN_EXCELLENT_HIGH = 0.85;
    private static ScenarioBook book;
    private static EmbeddingMeaning meaning;
    private static List<Calibration.Replayed> tuning;
    private static List<Calibration.Replayed> heldOut;

    @BeforeAll
    static void replay() {
        Path dir = Path.of(System.getProperty("coachbot.knowledge", "../knowledge"));
        KnowledgeBase knowledge = new KnowledgeLoader().load(dir);
        book = ScenarioBook.load(dir, knowledge);
        meaning = new EmbeddingMeaning(RetrievalIndex.defaultEmbeddingModel());
        meaning.warm(book.phrases());
        tuning = new ArrayList<>();
        heldOut = new ArrayList<>();
        for (EvalFiles.Set set : EvalFiles.CALIBRATION) {
            List<Calibration.Replayed> replayed = Calibration.replay(book, meaning, Calibration.read(set.resource()));
            (set.tuning() ? tuning : heldOut).addAll(replayed);
        }
    }

    @Test
    void scores_agree_with_the_trainers_grades_on_the_calls_nobody_tuned_on() {
        Calibration.Report report = Calibration.report(heldOut);

        assertTrue(report.rho() >= HELD_OUT_MIN_RHO, "Spearman rho on held-out calls " + report.rho());
        assertTrue(report.excellentGap() >= HELD_OUT_MIN_EXCELLENT_GAP,
                "excellent minus curt/harmful " + report.excellentGap());
    }

    @Test
    void pass_and_fail_follow_the_grade_on_the_calls_nobody_tuned_on() {
        Calibration.Verdicts verdicts = Calibration.verdicts(heldOut, RolePlayQuality.PASS_MARK);

        assertTrue(verdicts.agreementShare() >= HELD_OUT_MIN_AGREEMENT,
                "pass/fail agreeing with the grade " + verdicts.agreementShare());
        assertTrue(verdicts.excellentHighShare() >= HELD_OUT_MIN_EXCELLENT_HIGH,
                "excellent calls at 85 or more " + verdicts.excellentHighShare());
    }

    @Test
    void scores_agree_with_the_trainers_grades_on_every_graded_call() {
        List<Calibration.Replayed> all = new ArrayList<>(tuning);
        all.addAll(heldOut);
        Calibration.Report report = Calibration.report(all);

        assertTrue(report.rho() >= MIN_RHO, "Spearman rho " + report.rho());
        assertTrue(report.excellentGap() >= MIN_EXCELLENT_GAP, "excellent minus curt/harmful " + report.excellentGap());
        Map<Integer, Double> means = report.meanByGrade();
        for (int grade = 2; grade <= Calibration.EXCELLENT; grade++) {
            assertTrue(means.get(grade) > means.get(grade - 1), "grade " + grade + " does not score above "
                    + (grade - 1) + ": " + means);
        }
    }

    @Test
    void the_customer_never_repeats_a_line_and_no_stuffed_paragraph_wins_the_call() {
        int repeated = 0;
        for (Calibration.Replayed r : tuning) {
            repeated += Realism.repeats(r.session())[0];
        }
        for (Calibration.Replayed r : heldOut) {
            repeated += Realism.repeats(r.session())[0];
        }

        assertEquals(0, repeated);
        assertEquals(List.of(), Realism.oneTurnWins(book, meaning));
    }

    @Test
    void bad_moves_heard_by_meaning_stay_precise_on_held_out_lines() {
        Map<MoveKind, MoveQuality.Counts> per = MoveQuality.measure(book.rubric().orElseThrow(), meaning,
                MoveQuality.read("eval/moves-c.tsv"));

        MoveQuality.Counts bad = MoveQuality.overall(per, true);
        MoveQuality.Counts good = MoveQuality.overall(per, false);
        assertTrue(bad.precision() >= 0.8, "bad-move precision " + bad.precision());
        assertTrue(good.f1() >= 0.7, "good-move F1 " + good.f1());
    }
}
