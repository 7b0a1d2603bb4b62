package org.coachbot.bench;

import org.coachbot.roleplay.RolePlaySettings;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.MoveDetector;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.Scorecard;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints the quality half of the role-play benchmark: calibration, reaction fit, move recognition, realism. Every
 * figure is printed for the sets the rubric and scenarios were tuned on and, apart, for the held-out sets nobody
 * tuned on; details (each call, each missed line) are printed for tuning sets only, with {@code BENCH_VERBOSE=1}.
 * {@code BENCH_ONLY=calibration} or {@code BENCH_ONLY=reactions} prints only that part.
 */
final class RolePlayQuality {
    private static final double[] SWEEP = {0.70, 0.75, 0.80, 0.85, 0.90, 0.93, 0.95, 0.97, 0.98, 0.99};
    /** An excellent call should land here or above, a harmful one at or below {@link #HARMFUL_CEILING}. */
    static final int EXCELLENT_FLOOR = 85;
    static final int HARMFUL_CEILING = 35;
    /** The issue's bound for curt and harmful calls (grades 1-2): at most a tenth above this. */
    static final int CURT_CEILING = 50;
    /** The shipped pass mark, against which pass/fail is compared with the grade. */
    static final int PASS_MARK = RolePlaySettings.DEFAULT_PASS_MARK;
    private final PrintStream out;
    private final ScenarioBook book;
    private final Meaning meaning;
    private final boolean verbose = System.getenv("BENCH_VERBOSE") != null;

    RolePlayQuality(PrintStream out, ScenarioBook book, Meaning meaning) {
        this.out = out;
        this.book = book;
        this.meaning = meaning;
    }

    void run() {
        if ("reactions".equals(System.getenv("BENCH_ONLY"))) {
            reactions();
            return;
        }
        List<Calibration.Replayed> all = new ArrayList<>();
        List<Calibration.Replayed> heldOut = new ArrayList<>();
        for (EvalFiles.Set set : EvalFiles.CALIBRATION) {
            List<Calibration.Transcript> transcripts = Calibration.read(set.resource()).stream()
                    .filter(t -> book.scenario(t.scenario()).isPresent()).toList();
            List<Calibration.Replayed> replayed = Calibration.replay(book, meaning, transcripts);
            all.addAll(replayed);
            if (!set.tuning()) {
                heldOut.addAll(replayed);
            }
            calibration(set.label(), replayed, set.tuning());
        }
        calibration("held-out sets together", heldOut, false);
        calibration("all sets", all, false);
        if ("calibration".equals(System.getenv("BENCH_ONLY"))) {
            return;
        }
        // Reaction fit first: its turns embed lines no earlier part has seen, so its timings are those of new lines.
        reactions();
        moves();
        realism(all);
    }

    /** Reaction fit of every set of trainee lines and of the fact questions; see {@link ReactionFitReport}. */
    private void reactions() {
        new ReactionFitReport(out, book, meaning, verbose).print();
    }

    private void calibration(String name, List<Calibration.Replayed> replayed, boolean details) {
        Calibration.Report r = Calibration.report(replayed);
        out.printf("calibration %s: %d calls, Spearman rho %.3f, excellent minus curt/harmful %.1f points, "
                + "misordered in-scenario pairs %d of %d%n", name, r.calls(), r.rho(), r.excellentGap(),
                r.misordered(), r.pairs());
        StringBuilder means = new StringBuilder("  mean score by grade:");
        r.meanByGrade().forEach((g, m) -> means.append(String.format(" %d=%.1f", g, m)));
        out.println(means);
        long excellent = replayed.stream().filter(x -> x.transcript().grade() == Calibration.EXCELLENT).count();
        long excellentHigh = replayed.stream().filter(x -> x.transcript().grade() == Calibration.EXCELLENT)
                .filter(x -> x.score() >= EXCELLENT_FLOOR).count();
        long harmful = replayed.stream().filter(x -> x.transcript().grade() == 1).count();
        long harmfulLow = replayed.stream().filter(x -> x.transcript().grade() == 1)
                .filter(x -> x.score() <= HARMFUL_CEILING).count();
        out.printf("  excellent calls at %d or above: %d of %d; harmful calls at %d or below: %d of %d%n",
                EXCELLENT_FLOOR, excellentHigh, excellent, HARMFUL_CEILING, harmfulLow, harmful);
        Calibration.Verdicts v = Calibration.verdicts(replayed, PASS_MARK);
        out.printf("  excellent calls at %d or above: %.0f%% (target >= 80%%); curt/harmful calls above %d: %.0f%% "
                        + "(target <= 10%%); pass/fail at %d agreeing with the grade (4-5 pass, 1-3 fail): %d of %d, "
                        + "%.0f%% (target >= 90%%)%n", EXCELLENT_FLOOR, 100 * v.excellentHighShare(), CURT_CEILING,
                100 * v.curtAboveShare(), PASS_MARK, v.agreeing(), v.calls(), 100 * v.agreementShare());
        StringBuilder resolved = new StringBuilder("  resolved / remedy beats heard, by grade:");
        for (int g = Calibration.EXCELLENT; g >= 1; g--) {
            int grade = g;
            List<Calibration.Replayed> of = replayed.stream().filter(x -> x.transcript().grade() == grade).toList();
            long ok = of.stream().filter(x -> x.card().resolved()).count();
            double beats = of.stream().mapToDouble(x -> x.card().beats().stream().filter(b -> b.done()).count()
                    / (double) x.card().beats().size()).average().orElse(0);
            long offending = of.stream().filter(x -> x.session().moves().stream().anyMatch(m -> m.kind().bad()))
                    .count();
            double cold = of.stream().mapToDouble(x -> {
                int lines = x.session().traineeTurns();
                long warm = x.session().moves().stream().filter(m -> !m.kind().bad()).mapToInt(m -> m.turn())
                        .distinct().count();
                return lines == 0 ? 0 : (lines - warm) / (double) lines;
            }).average().orElse(0);
            Map<Scorecard.Adjustment.Kind, Long> held = new java.util.EnumMap<>(Scorecard.Adjustment.Kind.class);
            of.forEach(x -> x.card().adjustments().stream().map(Scorecard.Adjustment::kind).distinct()
                    .forEach(k -> held.merge(k, 1L, Long::sum)));
            double average = of.stream().mapToInt(x -> x.card().average()).average().orElse(0);
            long invented = flagged(of, Scorecard.Observation.Kind.INVENTED_FACT);
            long ignored = flagged(of, Scorecard.Observation.Kind.IGNORED_OBJECTION);
            resolved.append(String.format(" %d: %d/%d, %.0f%% beats, %d with an offence, %.0f%% lines without a good "
                    + "move, dimensions' average %.1f, held down %s, flagged: %d invented fact, %d ignored objection;",
                    grade, ok, of.size(), 100 * beats, offending, 100 * cold, average, held, invented, ignored));
        }
        out.println(resolved);
        if (details && verbose) {
            replayed.stream().sorted(Comparator.comparing((Calibration.Replayed x) -> x.transcript().scenario())
                            .thenComparing(x -> -x.transcript().grade()))
                    .forEach(x -> out.printf("    %-32s grade %d score %3d avg %3d %-8s beats %s satisfied@%d mood %d %s %s %s%n",
                            x.transcript().id(), x.transcript().grade(), x.score(), x.card().average(), x.outcome(),
                            x.session().call().beats(), x.session().call().satisfiedAt(), x.session().mood(),
                            x.card().dimensions().stream().map(d -> d.id().substring(0, 3) + "=" + d.score())
                                    .toList(),
                            x.session().moves().stream().filter(m -> m.kind().bad())
                                    .map(m -> m.detector() + "@" + m.turn()).toList(),
                            x.card().adjustments().stream().map(a -> a.kind() + ":" + a.points()).toList()));
            if ("lines".equals(System.getenv("BENCH_VERBOSE"))) {
                replayed.forEach(this::lines);
            }
        }
    }

    /** How many of the calls the card flags for this kind of slip. */
    private static long flagged(List<Calibration.Replayed> calls, Scorecard.Observation.Kind kind) {
        return calls.stream().filter(x -> x.card().observations().stream().anyMatch(o -> o.kind() == kind)).count();
    }

    /** One tuning call line by line: what the scorer heard in each trainee line and what the customer said. */
    private void lines(Calibration.Replayed x) {
        out.printf("  %s grade %d score %d%n", x.transcript().id(), x.transcript().grade(), x.score());
        int turn = 0;
        for (Utterance u : x.session().transcript()) {
            if (u.speaker() == Utterance.Speaker.TRAINEE) {
                int t = ++turn;
                out.printf("      T%d %s | %s%n", t, x.session().moves().stream().filter(m -> m.turn() == t)
                        .map(m -> m.detector()).toList(), u.text());
            } else {
                out.printf("         C: %s%n", u.text());
            }
        }
        x.card().observations().forEach(o -> out.printf("      -> %s %s | %s | %s%n", o.kind(), o.dimension(),
                o.quote(), o.kind() == Scorecard.Observation.Kind.OFFENCE ? o.better() : o.advice()));
    }

    private void moves() {
        Rubric rubric = book.rubric().orElseThrow();
        List<MoveQuality.Labelled> tuning = new ArrayList<>();
        for (EvalFiles.Set set : EvalFiles.MOVES) {
            List<MoveQuality.Labelled> lines = MoveQuality.read(set.resource());
            if (set.tuning()) {
                tuning.addAll(lines);
            }
            Map<MoveKind, MoveQuality.Counts> per = MoveQuality.measure(rubric, meaning, lines);
            MoveQuality.Counts c = MoveQuality.overall(per);
            out.printf("move recognition on %s (%d lines): precision %.3f recall %.3f F1 %.3f; good moves %s, "
                    + "bad moves %s%n", set.label(), lines.size(), c.precision(), c.recall(), c.f1(),
                    brief(MoveQuality.overall(per, false)), brief(MoveQuality.overall(per, true)));
            per.forEach((k, m) -> out.printf("    %-18s precision %.2f recall %.2f (tp %d, fp %d, fn %d)%n", k.key(),
                    m.precision(), m.recall(), m.truePositives(), m.falsePositives(), m.falseNegatives()));
            if (set.tuning() && verbose) {
                misses(rubric, lines);
            }
        }
        out.printf("threshold sweep on the tuning lines (%d): regexes only %s%n", tuning.size(),
                brief(MoveQuality.overall(MoveQuality.measure(rubric, Meaning.NONE, tuning))));
        for (double t : SWEEP) {
            Map<MoveKind, MoveQuality.Counts> per = MoveQuality.measure(MoveQuality.withThresholds(rubric, t, t),
                    meaning, tuning);
            out.printf("  cosine %.2f: good moves %s%s | bad moves %s%s%n", t, brief(MoveQuality.overall(per, false)),
                    t == rubric.thresholds().moves() ? " (chosen)" : "", brief(MoveQuality.overall(per, true)),
                    t == rubric.thresholds().badMoves() ? " (chosen)" : "");
        }
    }

    private void misses(Rubric rubric, List<MoveQuality.Labelled> lines) {
        MoveDetector detector = new MoveDetector(rubric, meaning);
        for (MoveQuality.Labelled l : lines) {
            Set<MoveKind> found = EnumSet.noneOf(MoveKind.class);
            detector.detect(l.line(), 1).forEach(m -> found.add(m.kind()));
            if (!found.equals(l.moves())) {
                out.printf("    tuning row: %s | labelled %s | heard %s%n", l.line(), l.moves(), found);
            }
        }
    }

    private static String brief(MoveQuality.Counts c) {
        return String.format("P %.3f R %.3f F1 %.3f", c.precision(), c.recall(), c.f1());
    }

    private void realism(List<Calibration.Replayed> calls) {
        int repeated = 0;
        int total = 0;
        for (Calibration.Replayed r : calls) {
            int[] c = Realism.repeats(r.session());
            repeated += c[0];
            total += c[1];
        }
        List<String> trainee = new ArrayList<>();
        EvalFiles.MOVES.forEach(set -> MoveQuality.read(set.resource()).forEach(l -> trainee.add(l.line())));
        int[] random = Realism.repeats(book, meaning, trainee, 10, 14, 11);
        out.printf("realism: repeated customer lines within a session: %d of %d in the calibration calls, %d of %d "
                + "in %d random 14-line calls (target 0)%n", repeated, total, random[0], random[1],
                10 * book.scenarios().size());
        for (EvalFiles.Set set : EvalFiles.FACT_QUESTIONS) {
            List<Realism.FactQuestion> questions = Realism.readFactQuestions(set.resource()).stream()
                    .filter(q -> book.scenario(q.scenario()).isPresent()).toList();
            List<Realism.Answer> answers = Realism.factAnswers(book, meaning, questions);
            long withFact = answers.stream().filter(Realism.Answer::withFact).count();
            out.printf("  fact questions answered with the fact, %s: %d of %d (%.1f%%, target >= 90%%)%n",
                    set.label(), withFact, answers.size(), answers.isEmpty() ? 0 : 100.0 * withFact / answers.size());
            if (set.tuning() && verbose) {
                answers.stream().filter(a -> !a.withFact()).forEach(a -> out.printf("    missed %s/%s: %s -> %s%n",
                        a.question().scenario(), a.question().fact(), a.question().question(), a.reply()));
            }
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
