package org.sicube.jobs.testing;

import java.util.ArrayList;
import java.util.List;

/** How well found results agree with the ground truth: labellings (adjusted Rand index) and spectra (cosines). */
public final class Agreement {
    private Agreement() {
    }

    /** Hubert and Arabie's adjusted Rand index from the contingency table of two labellings. */
    public static double adjustedRandIndex(int[] a, int[] b) {
        int ka = java.util.Arrays.stream(a).max().orElse(0) + 1;
        int kb = java.util.Arrays.stream(b).max().orElse(0) + 1;
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double index = 0;
        for (long[] row : table) {
            for (long c : row) {
                index += pairs(c);
            }
        }
        double sumRows = 0;
        double sumCols = 0;
        for (long r : rows) {
            sumRows += pairs(r);
        }
        for (long c : cols) {
            sumCols += pairs(c);
        }
        double expected = sumRows * sumCols / pairs(a.length);
        double max = (sumRows + sumCols) / 2;
        return (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** Per true spectrum, its cosine with the found one under the matching (of all k!) with the largest mean. */
    public static double[] matchedCosines(double[][] truth, double[][] found) {
        double bestMean = -1;
        double[] best = null;
        for (int[] p : permutations(truth.length)) {
            double[] c = new double[truth.length];
            double mean = 0;
            for (int i = 0; i < truth.length; i++) {
                c[i] = cosine(truth[i], found[p[i]]);
                mean += c[i];
            }
            if (mean > bestMean) {
                bestMean = mean;
                best = c;
            }
        }
        return best;
    }

    private static double cosine(double[] a, double[] b) {
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

    private static List<int[]> permutations(int k) {
        List<int[]> out = new ArrayList<>();
        permute(new int[k], new boolean[k], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int at, List<int[]> out) {
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
