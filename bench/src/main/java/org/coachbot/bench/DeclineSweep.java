package org.coachbot.bench;

import org.coachbot.retrieval.HybridRetriever;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * How an uncovered question is told from a covered one: for each margin, the questions a rule would decline, when
 * the closest glossary topic must beat the closest section alone, or the closest section and the closest sentence.
 * Printed for tuned sets only, so the rule is chosen without the held-out questions.
 */
final class DeclineSweep {
    private static final double[] MARGINS = {-0.04, -0.02, 0.0, 0.02, 0.04, 0.06, 0.08};
    private final PrintStream out;

    DeclineSweep(PrintStream out) {
        this.out = out;
    }

    void print(HybridRetriever hybrid, List<AnswerQuestion> questions) {
        List<double[]> covered = questions.stream().filter(AnswerQuestion::covered)
                .map(q -> vector(hybrid.evidence(q.question()))).toList();
        List<double[]> uncovered = questions.stream().filter(q -> !q.covered())
                .map(q -> vector(hybrid.evidence(q.question()))).toList();
        out.println("| margin | topic beats section: uncovered / covered declined | topic beats section and "
                + "sentence: uncovered / covered declined |");
        out.println("|---|---|---|");
        for (double m : MARGINS) {
            out.printf(Locale.ROOT, "| %.2f | %d/%d, %d/%d | %d/%d, %d/%d |%n", m,
                    count(uncovered, m, false), uncovered.size(), count(covered, m, false), covered.size(),
                    count(uncovered, m, true), uncovered.size(), count(covered, m, true), covered.size());
        }
        double margin = hybrid.settings().uncoveredMargin();
        out.printf(Locale.ROOT, "Adding the learned scope at margin %.2f (declined when its probability reaches "
                + "the threshold):%n", margin);
        out.println("| scope threshold | a section or sentence this close answers anyway | uncovered declined | "
                + "covered declined |");
        out.println("|---|---|---|---|");
        for (double t : new double[]{0.7, 0.8, 0.9, 0.95, 0.98, 1.01}) {
            for (double answers : new double[]{0.7, 0.75, 2}) {
                out.printf(Locale.ROOT, "| %.2f | %.2f | %d/%d | %d/%d |%n", t, answers,
                        count(uncovered, margin, t, answers), uncovered.size(), count(covered, margin, t, answers),
                        covered.size());
            }
        }
    }

    private static int count(List<double[]> evidence, double margin, double scope, double answers) {
        int n = 0;
        for (double[] e : evidence) {
            double answered = Math.max(e[0], e[1]);
            if (e[2] >= answered + margin || (e[3] >= scope && answered < answers)
                    || e[0] < org.coachbot.retrieval.HybridSettings.DEFAULT_MIN_COSINE) {
                n++;
            }
        }
        return n;
    }

    private static double[] vector(HybridRetriever.Evidence e) {
        return new double[]{e.section(), e.sentence(), e.uncoveredTopic(), e.outside()};
    }

    private static int count(List<double[]> evidence, double margin, boolean withSentence) {
        int n = 0;
        for (double[] e : evidence) {
            double against = withSentence ? Math.max(e[0], e[1] - SENTENCE_OFFSET) : e[0];
            // As the retriever judges: declined when closer to an uncovered topic, or off-topic by the threshold.
            if (e[2] >= against + margin || e[0] < org.coachbot.retrieval.HybridSettings.DEFAULT_MIN_COSINE) {
                n++;
            }
        }
        return n;
    }

    /** Sentences are short like topics and score higher than whole sections; this puts them on one scale. */
    static final double SENTENCE_OFFSET = 0.0;
}
