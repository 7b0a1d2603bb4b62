package org.coachbot.bench;

import org.coachbot.retrieval.DenseRetriever;
import org.coachbot.retrieval.Hit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Shows how the hybrid's threshold trades wrongly rejected on-topic questions against answered off-topic ones,
 * from the closest section's cosine of each question; re-run it when the knowledge grows.
 */
final class ThresholdSweep {
    private static final double FROM = 0.45;
    private static final double TO = 0.70;
    private static final double STEP = 0.01;

    private final PrintStream out;

    ThresholdSweep(PrintStream out) {
        this.out = out;
    }

    /** Prints one line per threshold of the grid and one for the threshold in use, which is marked. */
    void print(DenseRetriever dense, double inUse, List<EvalQuestion> questions) {
        double[] best = new double[questions.size()];
        double lowestOn = Double.MAX_VALUE;
        double highestOff = 0;
        for (int i = 0; i < questions.size(); i++) {
            List<Hit> top = dense.rank(questions.get(i).question(), 1);
            best[i] = top.isEmpty() ? 0 : top.get(0).score();
            if (questions.get(i).offTopic()) {
                highestOff = Math.max(highestOff, best[i]);
            } else {
                lowestOn = Math.min(lowestOn, best[i]);
            }
        }
        out.printf(Locale.ROOT, "%nHybrid threshold on the closest section's cosine (in use: %.3f); lowest on-topic "
                + "%.3f, highest off-topic %.3f%n", inUse, lowestOn, highestOff);
        out.println("| threshold | on-topic rejected | off-topic rejected |");
        out.println("|---|---|---|");
        TreeSet<Double> thresholds = new TreeSet<>();
        for (int step = 0; FROM + step * STEP <= TO + 1e-9; step++) {
            double t = FROM + step * STEP;
            if (Math.abs(t - inUse) > 1e-9) {
                thresholds.add(t);
            }
        }
        thresholds.add(inUse);
        for (double t : thresholds) {
            int onRejected = 0;
            int on = 0;
            int offRejected = 0;
            int off = 0;
            for (int i = 0; i < questions.size(); i++) {
                boolean rejected = best[i] < t;
                if (questions.get(i).offTopic()) {
                    off++;
                    offRejected += rejected ? 1 : 0;
                } else {
                    on++;
                    onRejected += rejected ? 1 : 0;
                }
            }
            out.printf(Locale.ROOT, "| %.3f%s | %d/%d | %d/%d |%n", t, t == inUse ? " ←" : "", onRejected, on,
                    offRejected, off);
        }
    }
}
