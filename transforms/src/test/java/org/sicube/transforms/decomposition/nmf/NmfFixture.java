package org.sicube.transforms.decomposition.nmf;

import java.util.Random;

/**
 * A noiseless non-negative rank-3 matrix X = C·Sᵀ: three spectra of Gaussian peaks on a shared
 * falling background ({@code E = 80}), and {@code N = 300} pixels of which the first 30 are pure
 * (10 per component) and the rest random mixtures of random total. Row-major pixel blocks.
 */
final class NmfFixture {
    static final int K = 3;
    static final int E = 80;
    static final int N = 300;

    final double[][] spectra = new double[K][E];
    final double[][] abundances = new double[N][K];
    final float[] block = new float[N * E];

    NmfFixture(boolean closure) {
        double[][] peaks = {{12, 40}, {25, 55}, {33, 70}};
        for (int k = 0; k < K; k++) {
            for (int e = 0; e < E; e++) {
                double v = 0.5 * Math.exp(-e / 30.0);
                for (double p : peaks[k]) {
                    v += Math.exp(-0.5 * Math.pow((e - p) / 2.5, 2));
                }
                spectra[k][e] = v;
            }
        }
        Random random = new Random(11);
        for (int n = 0; n < N; n++) {
            double sum = 0;
            for (int k = 0; k < K; k++) {
                abundances[n][k] = n < 30 ? (n / 10 == k ? 1 : 0) : random.nextDouble();
                sum += abundances[n][k];
            }
            double scale = closure ? 1 / sum : 1 + random.nextDouble();
            if (n < 30 && !closure) {
                scale = 1 + n % 10 * 0.1;
            }
            for (int k = 0; k < K; k++) {
                abundances[n][k] *= scale;
            }
            for (int e = 0; e < E; e++) {
                double x = 0;
                for (int k = 0; k < K; k++) {
                    x += abundances[n][k] * spectra[k][e] * 100;
                }
                block[n * E + e] = (float) x;
            }
        }
    }

    /** A start far from the answer inside the cone of the truth: each spectrum 40 % mixed with the others. */
    double[] mixedStart() {
        double[] s = new double[E * K];
        for (int k = 0; k < K; k++) {
            for (int e = 0; e < E; e++) {
                double v = 0;
                for (int j = 0; j < K; j++) {
                    v += (j == k ? 0.6 : 0.2) * spectra[j][e];
                }
                s[e * K + k] = v;
            }
        }
        return s;
    }

    /** Runs {@code iterations} ALS iterations on the whole matrix, split into blocks of {@code rows} pixels. */
    static NmfModel run(NmfModel model, float[] x, int pixels, int channels, int iterations, int rows) {
        for (int i = 0; i < iterations; i++) {
            NmfSums sums = NmfSums.zero(channels, model.components());
            for (int from = 0; from < pixels; from += rows) {
                int p = Math.min(rows, pixels - from);
                float[] b = java.util.Arrays.copyOfRange(x, from * channels, (from + p) * channels);
                sums.merge(NmfSums.zero(channels, model.components()).add(b, p, channels, model));
            }
            model = SpectraUpdate.apply(model, sums);
        }
        return model;
    }

    /** The best mean cosine over all matchings of found to true spectra; returns the worst matched cosine. */
    static double matchedCosine(double[][] truth, NmfModel model) {
        int k = truth.length;
        double worstOfBest = -1;
        double bestMean = -1;
        for (int[] p : permutations(k)) {
            double mean = 0;
            double worst = 1;
            for (int i = 0; i < k; i++) {
                double c = cosine(truth[i], model.spectrum(p[i]));
                mean += c / k;
                worst = Math.min(worst, c);
            }
            if (mean > bestMean) {
                bestMean = mean;
                worstOfBest = worst;
            }
        }
        return worstOfBest;
    }

    static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    static java.util.List<int[]> permutations(int k) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        permute(new int[k], new boolean[k], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int at, java.util.List<int[]> out) {
        if (at == p.length) {
            out.add(p.clone());
            return;
        }
        for (int i = 0; i < p.length; i++) {
            if (!used[i]) {
                used[i] = true;
                p[at] = i;
                permute(p, used, at + 1, out);
                used[i] = false;
            }
        }
    }
}
