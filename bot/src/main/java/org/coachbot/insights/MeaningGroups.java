package org.coachbot.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups texts by meaning from their embeddings: average-linkage clustering, where two groups merge while the
 * mean cosine between their members reaches the threshold. Unlike a single greedy pass it does not depend on the
 * order questions arrived in (on the labelled gap questions a greedy pass by centroid scored F1 0.46 shuffled
 * against 0.74 for this). The most frequent {@link #DEFAULT_MAX_LINKED} wordings are clustered exactly, with the
 * nearest-neighbour chain, in quadratic time and memory; rarer wordings then join the group of several wordings
 * whose members they are closest to on average, or stay on their own, so ten thousand wordings need neither a
 * 400 MB matrix nor minutes.
 */
public final class MeaningGroups {
    /**
     * Chosen on {@code eval/gap-groups-a.tsv} with bge-small-zh-v1.5 as the highest pairwise F1 whose precision is at
     * least 0.9 (0.50 gave F1 0.73 but merged unrelated needs: an admin misled by a mixed group is worse off than one
     * who sees a need split in two lines); on the held-out {@code gap-groups-b.tsv} it gives precision 0.76, recall
     * 0.55. The README's "What admins see" has the sweep.
     */
    public static final double DEFAULT_MIN_COSINE = 0.55;
    /**
     * 1,500 wordings make a 9 MB similarity matrix, computed in about a second on two busy cores; the benchmark's
     * 10,000 questions hold about 4,000 wordings, most of them asked once.
     */
    public static final int DEFAULT_MAX_LINKED = 1500;

    private final double minCosine;
    private final int maxLinked;

    public MeaningGroups(double minCosine, int maxLinked) {
        if (!(minCosine > -1 && minCosine <= 1)) {
            throw new IllegalArgumentException("minCosine must be in (-1, 1]: " + minCosine);
        }
        if (maxLinked < 1) {
            throw new IllegalArgumentException("maxLinked must be > 0: " + maxLinked);
        }
        this.minCosine = minCosine;
        this.maxLinked = maxLinked;
    }

    public MeaningGroups(double minCosine) {
        this(minCosine, DEFAULT_MAX_LINKED);
    }

    public MeaningGroups() {
        this(DEFAULT_MIN_COSINE);
    }

    public double minCosine() {
        return minCosine;
    }

    /**
     * Groups the items; {@code vectors} are unit vectors of one length and {@code weights} how often each text was
     * asked. Returns groups of item indices, the most asked group first, each group's items most asked first.
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
        Comparator<Integer> byWeight = Comparator.<Integer>comparingInt(i -> -weights[i]).thenComparingInt(i -> i);
        order.sort(byWeight);
        List<Integer> linked = order.subList(0, Math.min(maxLinked, order.size()));
        List<Group> groups = new ArrayList<>();
        for (List<Integer> members : link(linked.stream().map(vectors::get).toList())) {
            Group g = new Group(vectors.get(0).length);
            members.forEach(m -> g.add(linked.get(m), vectors.get(linked.get(m)), weights[linked.get(m)]));
            groups.add(g);
        }
        List<Group> joinable = groups.stream().filter(g -> g.members.size() > 1).toList();
        for (int i : order.subList(linked.size(), order.size())) {
            join(groups, joinable, i, vectors.get(i), weights[i]);
        }
        groups.forEach(g -> g.members.sort(byWeight));
        groups.sort(Comparator.comparingLong((Group g) -> -g.weight)
                .thenComparing(g -> g.members.get(0), byWeight));
        return groups.stream().map(g -> List.copyOf(g.members)).toList();
    }

    /**
     * A rarer wording joins the group it is closest to on average, or stays on its own. Only groups of several
     * wordings are candidates: comparing every rare wording with every other one is what the linked part avoids,
     * and a wording that matched none of the most asked ones is no top gap.
     */
    private void join(List<Group> groups, List<Group> joinable, int item, float[] v, int weight) {
        Group best = null;
        double bestMean = minCosine;
        for (Group g : joinable) {
            double mean = g.meanCosine(v);
            if (mean >= bestMean) {
                best = g;
                bestMean = mean;
            }
        }
        if (best == null) {
            best = new Group(v.length);
            groups.add(best);
        }
        best.add(item, v, weight);
    }

    /**
     * Average linkage by the nearest-neighbour chain: follow nearest neighbours until two clusters are each other's
     * nearest, merge them, and continue from the chain that is left. A cluster whose nearest neighbour is below the
     * threshold is final: under average linkage a merge elsewhere never brings another cluster closer than the
     * nearer of its two parts.
     */
    private List<List<Integer>> link(List<float[]> v) {
        return new Linkage(v).run();
    }

    private final class Linkage {
        private final int n;
        private final float[][] sim;
        private final int[] size;
        private final boolean[] active;
        private final List<List<Integer>> members = new ArrayList<>();

        Linkage(List<float[]> v) {
            n = v.size();
            sim = new float[n][n];
            size = new int[n];
            active = new boolean[n];
            for (int i = 0; i < n; i++) {
                size[i] = 1;
                active[i] = true;
                members.add(new ArrayList<>(List.of(i)));
                for (int j = 0; j < i; j++) {
                    float s = (float) dot(v.get(i), v.get(j));
                    sim[i][j] = s;
                    sim[j][i] = s;
                }
            }
        }

        List<List<Integer>> run() {
            List<List<Integer>> done = new ArrayList<>();
            int[] chain = new int[n];
            int top = 0;
            int next = 0;
            while (true) {
                if (top == 0) {
                    while (next < n && !active[next]) {
                        next++;
                    }
                    if (next == n) {
                        return done;
                    }
                    chain[top++] = next;
                }
                int a = chain[top - 1];
                int previous = top >= 2 ? chain[top - 2] : -1;
                int b = previous;
                double best = previous >= 0 ? sim[a][previous] : Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    if (active[k] && k != a && sim[a][k] > best) {
                        best = sim[a][k];
                        b = k;
                    }
                }
                if (b < 0 || best < minCosine) {
                    active[a] = false;
                    done.add(members.get(a));
                    top--;
                } else if (b == previous) {
                    merge(previous, a);
                    top -= 2;
                } else {
                    chain[top++] = b;
                }
            }
        }

        /** Merges {@code b} into {@code a}; the mean similarity to every other cluster is updated from its parts. */
        private void merge(int a, int b) {
            int total = size[a] + size[b];
            for (int k = 0; k < n; k++) {
                if (active[k] && k != a && k != b) {
                    float s = (size[a] * sim[a][k] + size[b] * sim[b][k]) / total;
                    sim[a][k] = s;
                    sim[k][a] = s;
                }
            }
            size[a] = total;
            active[b] = false;
            members.get(a).addAll(members.get(b));
        }
    }

    /** A group with the sum of its members' vectors: the mean cosine to its members is one dot product. */
    private static final class Group {
        private final float[] sum;
        private final List<Integer> members = new ArrayList<>();
        private long weight;

        Group(int dimension) {
            this.sum = new float[dimension];
        }

        double meanCosine(float[] v) {
            return dot(sum, v) / members.size();
        }

        void add(int item, float[] v, int w) {
            members.add(item);
            weight += w;
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d];
            }
        }
    }

    /** Four running sums, so each addition need not wait for the one before. */
    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }
}
