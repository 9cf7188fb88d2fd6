package org.sicube.jobs.phasemap;

import java.io.Serializable;
import java.util.Random;

/**
 * K-means pieces shared by the driver (on a bounded sample) and the executors (one pass over all
 * pixels): k-means++ seeding (Arthur &amp; Vassilvitskii 2007), nearest centre (Euclidean, ties to
 * the lower index, as {@link PhaseModel}) and the per-cluster sums of a Lloyd step. Points are
 * rows of a pixel-major {@code n × K} array; centres are {@code P × K} rows.
 */
final class Lloyd {
    private Lloyd() {
    }

    /** Index of the centre nearest to point {@code offset} of {@code points}. */
    static int nearest(double[] points, int offset, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int p = 0; p < centres.length; p++) {
            double d = squaredDistance(points, offset, centres[p]);
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return best;
    }

    /** Squared distance from the point at {@code points[offset ..]} to {@code centre}, summed in component order. */
    static double squaredDistance(double[] points, int offset, double[] centre) {
        double d = 0;
        for (int c = 0; c < centre.length; c++) {
            double diff = points[offset + c] - centre[c];
            d += diff * diff;
        }
        return d;
    }

    /** k-means++: the first centre uniformly, each next one with probability ∝ squared distance to the chosen. */
    static double[][] seed(double[] points, int n, int k, int phases, long seed) {
        Random random = new Random(seed);
        double[][] centres = new double[phases][];
        int first = random.nextInt(n);
        centres[0] = java.util.Arrays.copyOfRange(points, first * k, (first + 1) * k);
        double[] d2 = new double[n];
        java.util.Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int p = 1; p < phases; p++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], squaredDistance(points, i * k, centres[p - 1]));
                total += d2[i];
            }
            double target = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                target -= d2[i];
                if (target <= 0) {
                    pick = i;
                    break;
                }
            }
            centres[p] = java.util.Arrays.copyOfRange(points, pick * k, (pick + 1) * k);
        }
        return centres;
    }

    /**
     * Points per chunk of a driver-side step: chunks are summed side by side and their sums added
     * in order, so the result does not depend on the number of threads.
     */
    static final int CHUNK = 8_192;

    /** Per-cluster sums of points ({@code P × K}) and counts ({@code P}) for one Lloyd step; mergeable. */
    static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        final double[][] sums;
        final long[] counts;

        Sums(int phases, int k) {
            sums = new double[phases][k];
            counts = new long[phases];
        }

        Sums add(double[] points, int n, int k, double[][] centres) {
            return add(points, 0, n, k, centres);
        }

        /** Adds points {@code from..to-1}. */
        Sums add(double[] points, int from, int to, int k, double[][] centres) {
            for (int i = from; i < to; i++) {
                int p = nearest(points, i * k, centres);
                counts[p]++;
                for (int c = 0; c < k; c++) {
                    sums[p][c] += points[i * k + c];
                }
            }
            return this;
        }

        Sums merge(Sums o) {
            for (int p = 0; p < counts.length; p++) {
                counts[p] += o.counts[p];
                for (int c = 0; c < sums[p].length; c++) {
                    sums[p][c] += o.sums[p][c];
                }
            }
            return this;
        }

        /** The new centres (an empty cluster keeps its centre) and the largest squared move. */
        double update(double[][] centres) {
            double move = 0;
            for (int p = 0; p < centres.length; p++) {
                if (counts[p] == 0) {
                    continue;
                }
                double d = 0;
                for (int c = 0; c < centres[p].length; c++) {
                    double v = sums[p][c] / counts[p];
                    d += (v - centres[p][c]) * (v - centres[p][c]);
                    centres[p][c] = v;
                }
                move = Math.max(move, d);
            }
            return move;
        }
    }
}
