package org.coachbot.bench;


import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.MoveDetector;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;

/** Prints the quality half of the role-play benchmark: calibration, move recognition, realism. */
final class RolePlayQuality {
    private static final double[] SWEEP = {0.74, 0.76, 0.78, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90};
    private final PrintStream out;
    private final ScenarioBook book;
    private final Meaning meaning;

    RolePlayQuality(PrintStream out, ScenarioBook book, Meaning meaning) {
        this.out = out;
        this.book = book;
        this.meaning = meaning;
    }

    void run() {
        List<Calibration.Replayed> all = new ArrayList<>();
        for (String set : RolePlayBenchmark.CALIBRATION_SETS) {
            boolean heldOut = set.endsWith("-b.yaml");
            List<Calibration.Transcript> transcripts = Calibration.read(set).stream()
                    .filter(t -> book.scenario(t.scenario()).isPresent()).toList();
            List<Calibration.Replayed> replayed = Calibration.replay(book, meaning, transcripts);
            all.addAll(replayed);
            calibration(set, replayed, !heldOut);
        }
        calibration("all sets", all, false);
        moves();
        realism(all);
    }

    private void calibration(String name, List<Calibration.Replayed> replayed, boolean details) {
        Calibration.Report r = Calibration.report(replayed);
        out.printf("calibration %s: %d calls, Spearman rho %.3f, excellent minus curt/harmful %.1f points, "
                + "misordered in-scenario pairs %d of %d%n", name, r.calls(), r.rho(), r.excellentGap(),
                r.misordered(), r.pairs());
        StringBuilder means = new StringBuilder("  mean score by grade:");
        r.meanByGrade().forEach((g, m) -> means.append(String.format(" %d=%.1f", g, m)));
        out.println(means);
        // The held-out set b is only ever reported in aggregate, so nothing is tuned to its calls.
        if (details && System.getenv("BENCH_VERBOSE") != null) {
            replayed.stream().sorted(Comparator.comparing((Calibration.Replayed x) -> x.transcript().scenario())
                            .thenComparing(x -> -x.transcript().grade()))
                    .forEach(x -> out.printf("    %-32s grade %d score %3d %-8s beats %s satisfied@%d mood %d %s %s%n",
                            x.transcript().id(), x.transcript().grade(), x.score(), x.outcome(),
                            x.session().call().beats(), x.session().call().satisfiedAt(), x.session().mood(),
                            x.card().dimensions().stream().map(d -> d.id().substring(0, 3) + "=" + d.score())
                                    .toList(),
                            x.session().moves().stream().filter(m -> m.kind().bad())
                                    .map(m -> m.detector() + "@" + m.turn()).toList()));
        }
    }

    /** Rows 1, 3, 5… were looked at while writing patterns and examples; rows 2, 4, 6… never were. */
    static <T> List<T> half(List<T> rows, boolean tuning) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if ((i % 2 == 0) == tuning) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    private void moves() {
        List<MoveQuality.Labelled> all = MoveQuality.read(RolePlayBenchmark.MOVES);
        Rubric rubric = book.rubric().orElseThrow();
        for (boolean tuning : new boolean[]{true, false}) {
            MoveQuality.Counts c = MoveQuality.overall(MoveQuality.measure(rubric, meaning, half(all, tuning)));
            out.printf("move recognition, %s half of %s (%d lines): precision %.3f recall %.3f F1 %.3f%n",
                    tuning ? "tuning (odd rows)" : "held-out (even rows)", RolePlayBenchmark.MOVES,
                    half(all, tuning).size(), c.precision(), c.recall(), c.f1());
        }
        if (System.getenv("BENCH_VERBOSE") != null) {
            MoveDetector detector = new MoveDetector(rubric, meaning);
            for (MoveQuality.Labelled l : half(all, true)) {
                java.util.Set<MoveKind> found = java.util.EnumSet.noneOf(MoveKind.class);
                detector.detect(l.line(), 1).forEach(m -> found.add(m.kind()));
                if (!found.equals(l.moves())) {
                    out.printf("    tuning row: %s | labelled %s | heard %s%n", l.line(), l.moves(), found);
                }
            }
        }
        List<MoveQuality.Labelled> lines = all;
        out.printf("move recognition on %s (%d labelled lines):%n", RolePlayBenchmark.MOVES, lines.size());
        MoveQuality.Counts regexOnly = MoveQuality.overall(MoveQuality.measure(rubric, Meaning.NONE, lines));
        out.printf("  regexes only: precision %.3f recall %.3f F1 %.3f%n", regexOnly.precision(),
                regexOnly.recall(), regexOnly.f1());
        for (double t : SWEEP) {
            Map<MoveKind, MoveQuality.Counts> per = MoveQuality.measure(MoveQuality.withThresholds(rubric, t, t),
                    meaning, lines);
            MoveQuality.Counts good = MoveQuality.overall(per, false);
            MoveQuality.Counts bad = MoveQuality.overall(per, true);
            out.printf("  regexes + meaning at cosine %.2f: good moves P %.3f R %.3f F1 %.3f%s | bad moves P %.3f "
                    + "R %.3f F1 %.3f%s%n", t, good.precision(), good.recall(), good.f1(),
                    t == rubric.thresholds().moves() ? " (chosen)" : "", bad.precision(), bad.recall(), bad.f1(),
                    t == rubric.thresholds().badMoves() ? " (chosen)" : "");
        }
        Map<MoveKind, MoveQuality.Counts> per = MoveQuality.measure(rubric, meaning, lines);
        MoveQuality.Counts chosen = MoveQuality.overall(per);
        out.printf("  chosen thresholds (good %.2f, bad %.2f): precision %.3f recall %.3f F1 %.3f; per move:%n",
                rubric.thresholds().moves(), rubric.thresholds().badMoves(), chosen.precision(), chosen.recall(),
                chosen.f1());
        per.forEach((k, c) -> out.printf("    %-18s precision %.2f recall %.2f (tp %d, fp %d, fn %d)%n", k.key(),
                c.precision(), c.recall(), c.truePositives(), c.falsePositives(), c.falseNegatives()));
    }

    private void realism(List<Calibration.Replayed> calls) {
        int repeated = 0;
        int total = 0;
        for (Calibration.Replayed r : calls) {
            int[] c = Realism.repeats(r.session());
            repeated += c[0];
            total += c[1];
        }
        List<String> trainee = MoveQuality.read(RolePlayBenchmark.MOVES).stream().map(MoveQuality.Labelled::line)
                .toList();
        int[] random = Realism.repeats(book, meaning, trainee, 10, 14, 11);
        out.printf("realism: repeated customer lines within a session: %d of %d in the calibration calls, %d of %d "
                + "in %d random 14-line calls (target 0)%n", repeated, total, random[0], random[1],
                10 * book.scenarios().size());
        List<Realism.FactQuestion> questions = Realism.readFactQuestions(RolePlayBenchmark.FACT_QUESTIONS).stream()
                .filter(q -> book.scenario(q.scenario()).isPresent()).toList();
        List<Realism.Answer> answers = Realism.factAnswers(book, meaning, questions);
        long withFact = answers.stream().filter(Realism.Answer::withFact).count();
        out.printf("  fact questions answered with the fact: %d of %d (%.1f%%, target >= 90%%)%n", withFact,
                answers.size(), answers.isEmpty() ? 0 : 100.0 * withFact / answers.size());
        for (boolean tuning : new boolean[]{true, false}) {
            List<Realism.Answer> part = half(answers, tuning);
            long ok = part.stream().filter(Realism.Answer::withFact).count();
            out.printf("    %s half: %d of %d (%.1f%%)%n", tuning ? "tuning (odd rows)" : "held-out (even rows)", ok,
                    part.size(), part.isEmpty() ? 0 : 100.0 * ok / part.size());
        }
        if (System.getenv("BENCH_VERBOSE") != null) {
            half(answers, true).stream().filter(a -> !a.withFact()).forEach(a -> out.printf(
                    "    missed %s/%s: %s -> %s%n", a.question().scenario(), a.question().fact(),
                    a.question().question(), a.reply()));
        }
        List<String> wins = Realism.oneTurnWins(book, meaning);
        out.printf("  one-turn wins by a line stuffed with every right word: %d of %d scenarios %s(target 0)%n",
                wins.size(), book.scenarios().size(), wins.isEmpty() ? "" : wins + " ");
        IntSummaryStatistics turns = calls.stream().filter(c -> c.transcript().grade() == Calibration.EXCELLENT)
                .mapToInt(c -> c.session().call().satisfiedAt()).filter(t -> t > 0).summaryStatistics();
        long unresolved = calls.stream().filter(c -> c.transcript().grade() == Calibration.EXCELLENT)
                .filter(c -> c.session().call().satisfiedAt() == 0).count();
        out.printf("  turns to resolution for excellent calls: mean %.1f, min %d, max %d (target 3-6); "
                + "%d excellent calls not resolved%n", turns.getAverage(), turns.getMin(), turns.getMax(),
                unresolved);
    }
}
