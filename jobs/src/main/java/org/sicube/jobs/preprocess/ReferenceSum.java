package org.sicube.jobs.preprocess;

import java.io.Serializable;

/**
 * The sum spectrum of all pixels (a stage's global reference), accumulated in fixed point
 * (2^-20 per unit, in {@code long}) so that the sum is exactly the same in any order: the
 * reference, and so the output, does not depend on the block size or the partitioning. Values
 * are resolved to about 1e-6; a channel overflows only beyond 8.8e12 in total (an error).
 */
final class ReferenceSum implements Serializable {
    private static final double ONE = 1 << 20;
    private final long[] sum;

    ReferenceSum(int channels) {
        sum = new long[channels];
    }

    void add(double[] spectrum) {
        for (int i = 0; i < sum.length; i++) {
            double x = spectrum[i] * ONE;
            long r = (long) x;
            // Counts (and any multiple of 2^-20) are whole in fixed point: no rounding needed.
            if (r != x) {
                if (!Double.isFinite(spectrum[i])) {
                    continue;
                }
                r = Math.round(x);
            }
            sum[i] = Math.addExact(sum[i], r);
        }
    }

    ReferenceSum merge(ReferenceSum other) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(sum[i], other.sum[i]);
        }
        return this;
    }

    double[] spectrum() {
        double[] out = new double[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sum[i] / ONE;
        }
        return out;
    }
}
