package org.coachbot.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups texts by meaning from their embeddings, greedily: texts are taken most frequent first, and each joins the
 * group whose centroid is closest if the cosine reaches the threshold, or starts a group of its own. One pass and
 * no pairwise matrix, so ten thousand texts need only their distance to each group's centroid.
 */
public final class MeaningGroups {
    /**
     * Measured with bge-small-zh-v1.5 on the labelled gap questions of the benchmark ({@code eval/gap-groups-*.tsv}):
     * see the README's "What admins see" figures for the sweep that chose it.
     */
    public static final double DEFAULT_MIN_COSINE = 0.80;

    private final double minCosine;

    public MeaningGroups(double minCosine) {
        if (!(minCosine > 0 && minCosine <= 1)) {
            throw new IllegalArgumentException("minCosine must be in (0, 1]: " + minCosine);
        }
        this.minCosine = minCosine;
    }

    public MeaningGroups() {
        this(DEFAULT_MIN_COSINE);
    }

    public double minCosine() {
        return minCosine;
    }

    /**
     * Groups the items; {@code vectors} are unit vectors of one length and {@code weights} how often each text was
     * asked. Returns groups of item indices, heaviest group first, each group's items heaviest first.
     */
    public List<List<Integer>> group(List<float[]> vectors, int[] weights) {
        if (vectors.size() != weights.length) {
            throw new IllegalArgumentException("one weight per vector: " + vectors.size() + " vectors, "
                    + weights.length + " weights");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> -weights[i]).thenComparingInt(i -> i));
        List<Group> groups = new ArrayList<>();
        for (int i : order) {
            float[] v = vectors.get(i);
            Group best = null;
            double bestCosine = minCosine;
            for (Group g : groups) {
                double c = g.cosine(v);
                if (c >= bestCosine) {
                    best = g;
                    bestCosine = c;
                }
            }
            if (best == null) {
                best = new Group(v.length);
                groups.add(best);
            }
            best.add(i, v, weights[i]);
        }
        // Stable sort: among equally heavy groups the one seeded by the more frequent text stays first.
        groups.sort(Comparator.comparingLong((Group g) -> -g.weight));
        return groups.stream().map(g -> List.copyOf(g.members)).toList();
    }

    /** A group with the running sum of its members' vectors, whose direction is the centroid's. */
    private static final class Group {
        private final double[] sum;
        private final List<Integer> members = new ArrayList<>();
        private double norm;
        private long weight;

        Group(int dimension) {
            this.sum = new double[dimension];
        }

        double cosine(float[] v) {
            if (v.length != sum.length) {
                throw new IllegalArgumentException("vectors of different lengths: " + v.length + " and " + sum.length);
            }
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += sum[d] * v[d];
            }
            return norm == 0 ? 0 : dot / norm;
        }

        void add(int item, float[] v, int w) {
            members.add(item);
            weight += w;
            double squares = 0;
            for (int d = 0; d < v.length; d++) {
                sum[d] += (double) w * v[d];
                squares += sum[d] * sum[d];
            }
            norm = Math.sqrt(squares);
        }
    }
}
