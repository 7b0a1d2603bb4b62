package org.coachbot.meaning;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One logistic regression per class over sentence embeddings (unit vectors): each class's examples are its
 * positives, every other class's examples and the examples of no class its negatives. A learned direction
 * generalises to phrasings no example has where the nearest example alone does not. Training is deterministic:
 * zero start, full-batch Adam for a fixed number of epochs.
 */
public final class LinearClassifier {
    /** Embeddings are unit vectors; scaling them lets a weak L2 penalty still allow confident scores. */
    static final float SCALE = 8f;
    /** Epochs of full-batch training; the role-play moves measured 50, 100 and 200 alike. */
    public static final int DEFAULT_EPOCHS = 100;
    static final double LEARNING_RATE = 0.05;
    /** L2 penalty per sample. */
    static final double L2 = 1.0;
    /** A class with few examples is weighed up against the many negatives, at most this much. */
    static final double MAX_POSITIVE_WEIGHT = 10;

    private final float[][] weights;
    private final float[] bias;

    private LinearClassifier(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Trains on unit vectors.
     *
     * @param examples each class's example vectors, by class index; a class without examples always scores 0
     * @param none     vectors of texts that belong to no class
     */
    public static LinearClassifier train(List<List<float[]>> examples, List<float[]> none, int epochs) {
        Objects.requireNonNull(examples, "examples must not be null");
        Objects.requireNonNull(none, "none must not be null");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1");
        }
        int n = none.size() + examples.stream().mapToInt(List::size).sum();
        if (n == 0) {
            throw new IllegalArgumentException("a classifier needs examples");
        }
        int dims = examples.stream().flatMap(List::stream).findFirst().orElseGet(() -> none.get(0)).length;
        float[][] x = new float[n][];
        int[] label = new int[n];
        int i = 0;
        for (int k = 0; k < examples.size(); k++) {
            for (float[] v : examples.get(k)) {
                x[i] = scaled(v, dims);
                label[i++] = k;
            }
        }
        for (float[] v : none) {
            x[i] = scaled(v, dims);
            label[i++] = -1;
        }
        return new Trainer(x, label, dims, examples.size()).run(epochs);
    }

    /** The probability of each class for one unit vector, by class index. */
    public double[] probabilities(float[] vector) {
        double[] out = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            float[] w = weights[k];
            if (w == null) {
                continue;
            }
            double z = bias[k];
            for (int d = 0; d < w.length; d++) {
                z += w[d] * vector[d] * SCALE;
            }
            out[k] = 1 / (1 + Math.exp(-z));
        }
        return out;
    }

    private static float[] scaled(float[] v, int dims) {
        if (v.length != dims) {
            throw new IllegalArgumentException("vectors must all have " + dims + " dimensions, got " + v.length);
        }
        float[] out = new float[dims];
        for (int d = 0; d < dims; d++) {
            out[d] = v[d] * SCALE;
        }
        return out;
    }

    /** Full-batch Adam on the weighted cross-entropy of every class at once. */
    private static final class Trainer {
        private final float[][] x;
        private final int[] label;
        private final int dims;
        private final int classes;
        private final double[] positiveWeight;
        private final boolean[] present;

        Trainer(float[][] x, int[] label, int dims, int classes) {
            this.x = x;
            this.label = label;
            this.dims = dims;
            this.classes = classes;
            this.positiveWeight = new double[classes];
            this.present = new boolean[classes];
            int[] positives = new int[classes];
            for (int l : label) {
                if (l >= 0) {
                    positives[l]++;
                }
            }
            for (int k = 0; k < classes; k++) {
                present[k] = positives[k] > 0;
                positiveWeight[k] = present[k]
                        ? Math.min(MAX_POSITIVE_WEIGHT, (x.length - positives[k]) / (double) positives[k]) : 1;
            }
        }

        LinearClassifier run(int epochs) {
            double[][] w = new double[classes][dims];
            double[] b = new double[classes];
            double[][] mw = new double[classes][dims];
            double[][] vw = new double[classes][dims];
            double[] mb = new double[classes];
            double[] vb = new double[classes];
            double[][] gw = new double[classes][dims];
            double[] gb = new double[classes];
            int n = x.length;
            for (int t = 1; t <= epochs; t++) {
                for (int k = 0; k < classes; k++) {
                    Arrays.fill(gw[k], 0);
                }
                Arrays.fill(gb, 0);
                for (int i = 0; i < n; i++) {
                    gradient(x[i], label[i], w, b, gw, gb);
                }
                double c1 = 1 - Math.pow(0.9, t);
                double c2 = 1 - Math.pow(0.999, t);
                for (int k = 0; k < classes; k++) {
                    if (!present[k]) {
                        continue;
                    }
                    for (int d = 0; d < dims; d++) {
                        double g = gw[k][d] / n + L2 * w[k][d] / n;
                        mw[k][d] = 0.9 * mw[k][d] + 0.1 * g;
                        vw[k][d] = 0.999 * vw[k][d] + 0.001 * g * g;
                        w[k][d] -= LEARNING_RATE * (mw[k][d] / c1) / (Math.sqrt(vw[k][d] / c2) + 1e-8);
                    }
                    double g = gb[k] / n;
                    mb[k] = 0.9 * mb[k] + 0.1 * g;
                    vb[k] = 0.999 * vb[k] + 0.001 * g * g;
                    b[k] -= LEARNING_RATE * (mb[k] / c1) / (Math.sqrt(vb[k] / c2) + 1e-8);
                }
            }
            float[][] weights = new float[classes][];
            float[] bias = new float[classes];
            for (int k = 0; k < classes; k++) {
                if (present[k]) {
                    weights[k] = new float[dims];
                    for (int d = 0; d < dims; d++) {
                        weights[k][d] = (float) w[k][d];
                    }
                    bias[k] = (float) b[k];
                }
            }
            return new LinearClassifier(weights, bias);
        }

        private void gradient(float[] xi, int labelOf, double[][] w, double[] b, double[][] gw, double[] gb) {
            for (int k = 0; k < classes; k++) {
                if (!present[k]) {
                    continue;
                }
                double[] wk = w[k];
                double z = b[k];
                for (int d = 0; d < dims; d++) {
                    z += wk[d] * xi[d];
                }
                boolean positive = labelOf == k;
                double g = (1 / (1 + Math.exp(-z)) - (positive ? 1 : 0)) * (positive ? positiveWeight[k] : 1);
                double[] gk = gw[k];
                for (int d = 0; d < dims; d++) {
                    gk[d] += g * xi[d];
                }
                gb[k] += g;
            }
        }
    }
}
