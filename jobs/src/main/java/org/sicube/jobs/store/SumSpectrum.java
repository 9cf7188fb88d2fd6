package org.sicube.jobs.store;

import java.io.Serializable;

/**
 * The sum spectrum of a set of pixels, accumulated in fixed point (2^-20 per unit, in {@code long})
 * so that it is exactly the same in any order: a sum does not depend on the block size or the
 * partitioning that made it. Values are resolved to about 1e-6 (counts, and any multiple of 2^-20,
 * exactly); non-finite values are left out; a channel overflows beyond 8.8e12 in total
 * ({@link ArithmeticException}).
 */
public final class SumSpectrum implements Serializable {
    private static final double ONE = 1 << 20;
    private final long[] sum;

    public SumSpectrum(int channels) {
        sum = new long[channels];
    }

    /** The sum that {@link #spectrum()} gave as {@code spectrum} (each value a multiple of 2^-20, as it returns them). */
    public static SumSpectrum of(double[] spectrum) {
        SumSpectrum s = new SumSpectrum(spectrum.length);
        for (int i = 0; i < spectrum.length; i++) {
            s.sum[i] = Math.round(spectrum[i] * ONE);
        }
        return s;
    }

    public int channels() {
        return sum.length;
    }

    /** Adds one spectrum, {@code channels()} values from {@code offset}. */
    public void add(double[] data, int offset) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(sum[i], fixed(data[offset + i]));
        }
    }

    /** Adds every spectrum of {@code values} (pixel-major, energy fastest, {@code channels()} per pixel). */
    public void add(float[] values) {
        int channels = sum.length;
        for (int p = 0; p < values.length; p += channels) {
            for (int i = 0; i < channels; i++) {
                sum[i] = Math.addExact(sum[i], fixed(values[p + i]));
            }
        }
    }

    private static long fixed(double v) {
        double x = v * ONE;
        long r = (long) x;
        // Counts (and any multiple of 2^-20) are whole in fixed point: no rounding needed.
        if (r != x) {
            if (!Double.isFinite(v)) {
                return 0;
            }
            r = Math.round(x);
        }
        return r;
    }

    /** Adds {@code other} into this one and returns this. */
    public SumSpectrum merge(SumSpectrum other) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(sum[i], other.sum[i]);
        }
        return this;
    }

    /** True while nothing but zeros was added. */
    public boolean isZero() {
        for (long v : sum) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** The sum per channel. */
    public double[] spectrum() {
        double[] out = new double[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sum[i] / ONE;
        }
        return out;
    }
}
