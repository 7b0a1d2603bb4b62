package org.coachbot.bench;

import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Prints reaction fit: for every set of trainee lines the aggregate figures, and each line that does not fit only
 * for the tuning set (with {@code BENCH_VERBOSE=1}); a held-out set is never shown line by line. The fact-question
 * sets are played too, each question as a first line.
 */
final class ReactionFitReport {
    private final PrintStream out;
    private final ScenarioBook book;
    private final Meaning meaning;
    private final boolean verbose;

    ReactionFitReport(PrintStream out, ScenarioBook book, Meaning meaning, boolean verbose) {
        this.out = out;
        this.book = book;
        this.meaning = meaning;
        this.verbose = verbose;
    }

    /** Prints every set's figures. */
    void print() {
        if (!book.problems().isEmpty()) {
            out.println("reaction fit: scenario files that did not load, their lines are skipped: " + book.problems());
        }
        warmUp();
        for (EvalFiles.Set set : EvalFiles.LINES) {
            if (!chosen(set)) {
                continue;
            }
            if (!ReactionFit.present(set.resource())) {
                out.printf("reaction fit on %s: not committed yet%n", set.label());
                continue;
            }
            List<ReactionFit.Played> played = ReactionFit.play(book, meaning, ReactionFit.read(set.resource()));
            printReactions(set.label(), ReactionFit.report(book, played));
            if (set.tuning() && verbose) {
                played.stream().filter(p -> !p.fits()).forEach(p -> out.printf(
                        "    tuning row %s %s: %s%s -> %s [%s] expected %s%n", p.row().source(), p.row().scenario(),
                        p.row().setup().isEmpty() ? "" : String.join(" || ", p.row().setup()) + " || ",
                        p.row().line(), p.reply(), p.ended() ? "call ended before the line" : p.reaction(),
                        String.join("|", p.row().expect())));
            }
        }
        for (EvalFiles.Set set : EvalFiles.FACT_QUESTIONS) {
            if (!chosen(set)) {
                continue;
            }
            List<ReactionFit.Row> rows = Realism.readFactQuestions(set.resource()).stream()
                    .map(q -> new ReactionFit.Row(set.resource(), q.scenario(), List.of(), q.question(),
                            Set.of("fact:" + q.fact()))).toList();
            List<ReactionFit.Played> played = ReactionFit.play(book, meaning, rows);
            printReactions(set.label() + " as first lines", ReactionFit.report(book, played));
            if (set.tuning() && verbose) {
                played.stream().filter(p -> !p.fits()).forEach(p -> out.printf(
                        "    tuning question %s: %s -> %s [%s] expected %s%n", p.row().scenario(), p.row().line(),
                        p.reply(), p.reaction(), String.join("|", p.row().expect())));
            }
        }
    }

    /** With {@code BENCH_SETS=lines-t,lines-l1} only the sets whose file name contains one of the words run. */
    private static boolean chosen(EvalFiles.Set set) {
        String only = System.getenv("BENCH_SETS");
        return only == null || only.isBlank()
                || Arrays.stream(only.split(",")).map(String::strip).anyMatch(set.resource()::contains);
    }

    private void printReactions(String label, ReactionFit.Report r) {
        out.printf("reaction fit on %s, %d lines: replies that fit %d (not fitting %.1f%%, target <= 5%%); fact "
                + "questions answered with the right fact %d of %d (%.1f%%, target >= 95%%); dont_know handled %d of "
                + "%d; repeated customer lines %d of %d (target 0); scripted turn p50 %.2f ms, p99 %.2f ms (target "
                + "<= 20 ms)%n", label, r.rows(), r.fit(), 100 * r.notFitting(), r.factAnswered(), r.factRows(),
                100 * r.factShare(), r.dontKnowFit(), r.dontKnowRows(), r.repeated(), r.customerLines(), r.p50(),
                r.p99());
        StringBuilder kinds = new StringBuilder("  fit by the reaction called for:");
        r.byKind().forEach((k, v) -> kinds.append(String.format(" %s %d/%d;", k, v[0], v[1])));
        if (r.unknownFacts() > 0) {
            kinds.append(String.format(" %d lines expect a fact the scenario does not have", r.unknownFacts()));
        }
        out.println(kinds);
        if (!r.missesByKind().isEmpty()) {
            StringBuilder misses = new StringBuilder("  replies that do not fit, by the reaction called for and the "
                    + "one given:");
            r.missesByKind().forEach((k, given) -> given.forEach((g, n) -> misses.append(
                    String.format(" %s->%s %d;", k, g, n))));
            out.println(misses);
        }
    }

    /** Plays throw-away turns first, so the measured turns run compiled code, as in a bot that has been up. */
    private void warmUp() {
        List<ReactionFit.Row> rows = new ArrayList<>();
        int i = 0;
        for (Scenario s : book.scenarios()) {
            for (String line : List.of("您好,请问有什么可以帮您?", "非常抱歉,我理解您的心情。", "请问您是什么时候发现的?",
                    "我马上为您处理,十分钟内给您回电。", "好的。")) {
                rows.add(new ReactionFit.Row("warm-up", s.id(), List.of(), line + (i++), Set.of("acknowledge")));
            }
        }
        ReactionFit.play(book, meaning, rows);
        ReactionFit.play(book, meaning, rows);
    }
}
