package org.coachbot.bench;

import org.coachbot.retrieval.Coverage;
import org.coachbot.retrieval.HybridRetriever;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * How the margin by which a question must be closer to a glossary topic than to any section changes what is
 * declined as not covered, so the default can be chosen on the tuned sets and checked on the others.
 */
final class UncoveredSweep {
    private static final double[] MARGINS = {-0.02, 0.0, 0.02, 0.04, 0.06, 0.08, 0.10, 0.15};
    private final PrintStream out;

    UncoveredSweep(PrintStream out) {
        this.out = out;
    }

    void print(HybridRetriever hybrid, List<EvalQuestion> questions, String which) {
        out.printf(Locale.ROOT, "%nUncovered-topic margin (chosen %.2f), %s: questions declined as not covered%n",
                hybrid.settings().uncoveredMargin(), which);
        out.println("| margin | uncovered ones | off-topic ones | on-topic ones (wrong) |");
        out.println("|---|---|---|---|");
        long uncovered = questions.stream().filter(EvalQuestion::uncovered).count();
        long offTopic = questions.stream().filter(q -> q.offTopic() && !q.uncovered()).count();
        long onTopic = questions.stream().filter(EvalQuestion::onTopic).count();
        for (double margin : MARGINS) {
            HybridRetriever r = hybrid.withSettings(hybrid.settings().withUncoveredMargin(margin).with(
                    hybrid.settings().fusion(), 0));
            int unc = 0;
            int off = 0;
            int on = 0;
            for (EvalQuestion q : questions) {
                if (r.retrieve(q.question(), RetrievalQuality.DEFAULT_DEPTH).coverage() != Coverage.UNCOVERED) {
                    continue;
                }
                if (q.uncovered()) {
                    unc++;
                } else if (q.offTopic()) {
                    off++;
                } else {
                    on++;
                }
            }
            out.printf(Locale.ROOT, "| %.2f | %d/%d | %d/%d | %d/%d |%n", margin, unc, uncovered, off, offTopic, on,
                    onTopic);
        }
    }
}
