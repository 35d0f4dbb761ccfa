package org.playerdesk.embedding;

import java.util.List;

/**
 * A multinomial logistic regression (softmax) over dense feature vectors (a text's vector and
 * what else describes it), for the classifiers that read the embedding model's vectors: each feature centred and
 * scaled on the training set, weights learned by full-batch gradient descent (Adam) with an L2
 * penalty, each example with its own weight (an agent's correction counts more than a seed
 * message). Immutable once trained, so one model serves many threads.
 */
public final class Softmax {

    /**
     * How hard the weights are pulled towards zero (dense features, then words), how many steps,
     * how long a step.
     */
    public record Settings(double l2, double wordL2, int iterations, double rate) {

        public static final Settings DEFAULT = new Settings(1e-3, 1e-4, 250, 0.05);
    }

    /** How many buckets the words of a text are hashed into. */
    private static final int BUCKETS = 1 << 15;

    private final List<String> labels;
    private final double[] mean;
    private final double[] scale;
    /** weights[k][j]: class k, feature j; the last column is the bias. */
    private final double[][] weights;
    /** wordWeights[k][b]: class k, word bucket b (null: no words). */
    private final float[][] wordWeights;

    private Softmax(List<String> labels, double[] mean, double[] scale, double[][] weights, float[][] wordWeights) {
        this.labels = labels;
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.wordWeights = wordWeights;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * Trains on rows of features with their label (an index into {@code labels}) and weight.
     */
    public static Softmax train(List<String> labels, double[][] rows, int[] classes, double[] exampleWeights,
            Settings settings) {
        return train(labels, rows, null, classes, exampleWeights, settings);
    }

    /**
     * Trains on dense features and, when given, each row's word buckets (each present once,
     * value 1, not scaled).
     */
    public static Softmax train(List<String> labels, double[][] rows, int[][] words, int[] classes, double[] exampleWeights,
            Settings settings) {
        int n = rows.length;
        int d = rows[0].length;
        int k = labels.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd < 1e-9 ? 0 : 1 / sd;
        }
        double[][] x = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (rows[i][j] - mean[j]) * scale[j];
            }
            x[i][d] = 1;
        }
        double totalWeight = 0;
        for (double w : exampleWeights) {
            totalWeight += w;
        }
        double[][] w = new double[k][d + 1];
        double[][] m = new double[k][d + 1];
        double[][] v = new double[k][d + 1];
        double[][] gradient = new double[k][d + 1];
        double[] p = new double[k];
        double beta1 = 0.9;
        double beta2 = 0.999;
        float[][] u = words == null ? null : new float[k][BUCKETS];
        float[][] um = words == null ? null : new float[k][BUCKETS];
        float[][] uv = words == null ? null : new float[k][BUCKETS];
        float[][] ug = words == null ? null : new float[k][BUCKETS];
        for (int step = 1; step <= settings.iterations(); step++) {
            for (double[] g : gradient) {
                java.util.Arrays.fill(g, 0);
            }
            if (ug != null) {
                for (float[] g : ug) {
                    java.util.Arrays.fill(g, 0);
                }
            }
            for (int i = 0; i < n; i++) {
                probabilities(w, x[i], u, words == null ? null : words[i], p);
                double weight = exampleWeights[i] / totalWeight;
                for (int c = 0; c < k; c++) {
                    double error = (p[c] - (classes[i] == c ? 1 : 0)) * weight;
                    if (error == 0) {
                        continue;
                    }
                    double[] g = gradient[c];
                    double[] xi = x[i];
                    for (int j = 0; j <= d; j++) {
                        g[j] += error * xi[j];
                    }
                    if (ug != null) {
                        for (int b : words[i]) {
                            ug[c][b] += (float) error;
                        }
                    }
                }
            }
            double correction1 = 1 - Math.pow(beta1, step);
            double correction2 = 1 - Math.pow(beta2, step);
            for (int c = 0; c < k; c++) {
                for (int j = 0; j <= d; j++) {
                    double g = gradient[c][j] + (j < d ? settings.l2() * w[c][j] : 0);
                    m[c][j] = beta1 * m[c][j] + (1 - beta1) * g;
                    v[c][j] = beta2 * v[c][j] + (1 - beta2) * g * g;
                    w[c][j] -= settings.rate() * (m[c][j] / correction1) / (Math.sqrt(v[c][j] / correction2) + 1e-8);
                }
                if (u != null) {
                    float[] uc = u[c];
                    float[] gc = ug[c];
                    float[] mc = um[c];
                    float[] vc = uv[c];
                    for (int b = 0; b < BUCKETS; b++) {
                        double g = gc[b] + settings.wordL2() * uc[b];
                        if (g == 0) {
                            continue;
                        }
                        mc[b] = (float) (beta1 * mc[b] + (1 - beta1) * g);
                        vc[b] = (float) (beta2 * vc[b] + (1 - beta2) * g * g);
                        uc[b] -= (float) (settings.rate() * (mc[b] / correction1) / (Math.sqrt(vc[b] / correction2) + 1e-8));
                    }
                }
            }
        }
        return new Softmax(List.copyOf(labels), mean, scale, w, u);
    }

    /** The probability of each label, in the order of {@link #labels()}. */
    public double[] probabilities(double[] features) {
        return probabilities(features, null);
    }

    /** The probability of each label given the dense features and the text's word buckets. */
    public double[] probabilities(double[] features, int[] words) {
        int d = mean.length;
        double[] x = new double[d + 1];
        for (int j = 0; j < d; j++) {
            x[j] = (features[j] - mean[j]) * scale[j];
        }
        x[d] = 1;
        double[] p = new double[labels.size()];
        probabilities(weights, x, wordWeights, words, p);
        return p;
    }

    private static void probabilities(double[][] w, double[] x, float[][] u, int[] words, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double z = dot(w[c], x);
            if (u != null && words != null) {
                for (int b : words) {
                    z += u[c][b];
                }
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    /**
     * The dot product in four independent sums: one running sum waits for each addition before the
     * next (the processor's latency, not its throughput, sets the pace), and training computes
     * hundreds of millions of these, most of its time.
     */
    private static double dot(double[] a, double[] b) {
        int n = a.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The buckets of a text's words (each once): a bag of words without a vocabulary. */
    public static int[] buckets(java.util.Collection<String> words) {
        return words.stream().mapToInt(word -> Math.floorMod(word.hashCode() * 0x9E3779B9, BUCKETS)).distinct().toArray();
    }

    public static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
