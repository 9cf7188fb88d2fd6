package org.sicube.jobs.store;

import java.io.Serializable;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum spectrum of a set of pixels, accumulated in fixed point (2^-20 per unit, in {@code long})
 * so that it is exactly the same in any order: a sum does not depend on the block size or the
 * partitioning that made it. Values are rounded to the nearest multiple of 2^-20 (ties to even), so
 * counts, and any multiple of 2^-20, are exact; non-finite values are left out; a channel
 * overflows beyond 8.8e12 in total ({@link ArithmeticException}). Blocks are added in SIMD lanes
 * (a block is millions of values and this runs in every store writer).
 */
public final class SumSpectrum implements Serializable {
    private static final double ONE = 1 << 20;
    /** Adding and subtracting 1.5·2^52 rounds |x| < 2^51 to the nearest whole number, ties to even. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    private static final double EXACT_BELOW = 0x1p51;
    /** Pixels summed in one partial: 2^11 values below 2^51 cannot overflow a long. */
    private static final int PARTIAL_PIXELS = 2048;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = DOUBLES.withLanes(long.class);
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
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
        int pixels = values.length / channels;
        long[] partial = new long[channels];
        for (int first = 0; first < pixels; first += PARTIAL_PIXELS) {
            java.util.Arrays.fill(partial, 0L);
            int end = Math.min(pixels, first + PARTIAL_PIXELS);
            for (int p = first; p < end; p++) {
                addPixel(values, p * channels, partial);
            }
            for (int i = 0; i < channels; i++) {
                sum[i] = Math.addExact(sum[i], partial[i]);
            }
        }
    }

    /** Adds one spectrum at {@code offset} to {@code partial}, in lanes where every value is finite and below 2^31. */
    private static void addPixel(float[] values, int offset, long[] partial) {
        int channels = partial.length;
        int i = 0;
        for (int end = FLOATS.loopBound(channels); i < end; i += FLOATS.length()) {
            DoubleVector x = ((DoubleVector) FloatVector.fromArray(FLOATS, values, offset + i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(ONE);
            VectorMask<Double> exact = x.abs().compare(VectorOperators.LT, EXACT_BELOW);
            if (exact.allTrue()) {
                // x + 1.5·2^52 holds round(x) in its low mantissa bits (a D2L lane cast is not compiled to SIMD).
                LongVector whole = x.add(ROUNDER).reinterpretAsLongs().sub(ROUNDER_BITS);
                LongVector.fromArray(LONGS, partial, i).add(whole).intoArray(partial, i);
            } else {
                for (int j = i; j < i + FLOATS.length(); j++) {
                    partial[j] = Math.addExact(partial[j], fixed(values[offset + j]));
                }
            }
        }
        for (; i < channels; i++) {
            partial[i] = Math.addExact(partial[i], fixed(values[offset + i]));
        }
    }

    private static long fixed(double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        double x = v * ONE;
        if (Math.abs(x) < EXACT_BELOW) {
            return (long) (x + ROUNDER - ROUNDER);
        }
        // Whole already (a double this large has no fraction); beyond 2^63 it cannot be summed.
        if (Math.abs(x) >= 0x1p63) {
            throw new ArithmeticException("value " + v + " is too large for the fixed-point sum");
        }
        return (long) x;
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
