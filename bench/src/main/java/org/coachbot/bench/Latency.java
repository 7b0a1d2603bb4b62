package org.coachbot.bench;

import org.coachbot.retrieval.Retriever;

import java.util.Arrays;
import java.util.List;

/**
 * Query latency of a retriever in milliseconds, measured after a warm-up so the JIT and the model's native
 * session are warm.
 *
 * @param p50 median
 * @param p99 99th percentile
 */
public record Latency(double p50, double p99) {
    /** Timed passes over the questions; three give a few hundred samples, enough for a stable p99. */
    public static final int DEFAULT_PASSES = 3;

    /** Queries run before timing, repeating the questions as needed; enough for the JIT to compile the hot path. */
    public static final int DEFAULT_WARM_UP_QUERIES = 300;

    /** Warms up, then times {@link #DEFAULT_PASSES} passes over the questions. */
    public static Latency measure(Retriever retriever, List<EvalQuestion> questions) {
        return measure(q -> retriever.search(q, RetrievalQuality.DEFAULT_DEPTH), questions);
    }

    /** The same for anything that answers a question, e.g. the whole tip from retrieval to the composed glance. */
    public static Latency measure(java.util.function.Consumer<String> answer, List<EvalQuestion> questions) {
        return measureTexts(answer, questions.stream().map(EvalQuestion::question).toList());
    }

    /** The same over plain question texts. */
    public static Latency measureTexts(java.util.function.Consumer<String> answer, List<String> questions) {
        for (int i = 0; i < DEFAULT_WARM_UP_QUERIES && !questions.isEmpty(); i++) {
            answer.accept(questions.get(i % questions.size()));
        }
        long[] nanos = new long[questions.size() * DEFAULT_PASSES];
        int n = 0;
        for (int pass = 0; pass < DEFAULT_PASSES; pass++) {
            for (String q : questions) {
                long start = System.nanoTime();
                answer.accept(q);
                nanos[n++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos, 0, n);
        return new Latency(percentile(nanos, n, 0.50), percentile(nanos, n, 0.99));
    }

    private static double percentile(long[] sorted, int n, double p) {
        if (n == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))] / 1e6;
    }
}
