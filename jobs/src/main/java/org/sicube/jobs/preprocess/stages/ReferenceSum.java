package org.sicube.jobs.preprocess.stages;

/**
 * The sum spectrum of all pixels (a stage's global reference), accumulated in fixed point
 * (2^-20 per unit, in {@code long}) so that the sum is exactly the same in any order: the
 * reference, and so the output, does not depend on the block size or the partitioning. Values
 * are resolved to about 1e-6; a channel overflows only beyond 8.8e12 in total (an error).
 */
final class ReferenceSum implements Summary {
    private static final double ONE = 1 << 20;
    private final long[] sum;

    ReferenceSum(int channels) {
        sum = new long[channels];
    }

    @Override
    public void add(WorkBlock b) {
        for (int p = 0; p < b.pixels(); p++) {
            add(b.data, p * b.channels);
        }
    }

    private void add(double[] data, int offset) {
        for (int i = 0; i < sum.length; i++) {
            double x = data[offset + i] * ONE;
            long r = (long) x;
            // Counts (and any multiple of 2^-20) are whole in fixed point: no rounding needed.
            if (r != x) {
                if (!Double.isFinite(data[offset + i])) {
                    continue;
                }
                r = Math.round(x);
            }
            sum[i] = Math.addExact(sum[i], r);
        }
    }

    @Override
    public ReferenceSum merge(Summary other) {
        long[] o = ((ReferenceSum) other).sum;
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(sum[i], o[i]);
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
