package org.sicube.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SumSpectrumTest {

    /** The definition, value by value: round(v · 2^20) to the nearest whole number (ties to even), non-finite as 0. */
    private static long[] reference(float[] values, int channels) {
        long[] s = new long[channels];
        for (int i = 0; i < values.length; i++) {
            if (Float.isFinite(values[i])) {
                s[i % channels] += (long) Math.rint(values[i] * (double) (1 << 20));
            }
        }
        return s;
    }

    private static long[] fixedPoint(SumSpectrum s) {
        double[] v = s.spectrum();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.round(v[i] * (1 << 20));
        }
        return out;
    }

    @Test
    void blockSumEqualsTheDefinitionIncludingTailsNonFiniteAndLargeValues() {
        // 37 channels: the SIMD loop leaves a scalar tail on any vector width; 2100 pixels: two partial sums.
        int channels = 37;
        SplittableRandom r = new SplittableRandom(5);
        float[] values = new float[2100 * channels];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(-7, 4)));
        }
        values[3] = Float.NaN;
        values[100] = Float.POSITIVE_INFINITY;
        values[200] = 3.0e9f; // beyond 2^31: the lane falls back to the scalar sum
        values[201] = -2.5e9f;
        values[500] = 0.5f / (1 << 20); // a tie: rounds to even (0)
        values[501] = 1.5f / (1 << 20); // a tie: rounds to even (2)
        SumSpectrum s = new SumSpectrum(channels);
        s.add(values);
        assertArrayEquals(reference(values, channels), fixedPoint(s));
    }

    @Test
    void countsAreSummedExactlyAndInAnyOrder() {
        int channels = 64;
        SplittableRandom r = new SplittableRandom(9);
        float[] counts = new float[300 * channels];
        double[] exact = new double[channels];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = r.nextInt(0, 5000);
            exact[i % channels] += counts[i];
        }
        SumSpectrum whole = new SumSpectrum(channels);
        whole.add(counts);
        assertArrayEquals(exact, whole.spectrum(), 0.0);
        // The same pixels as two blocks added in the other order, and pixel by pixel from doubles.
        SumSpectrum parts = new SumSpectrum(channels);
        parts.add(Arrays.copyOfRange(counts, 100 * channels, counts.length));
        parts.add(Arrays.copyOfRange(counts, 0, 100 * channels));
        assertArrayEquals(whole.spectrum(), parts.spectrum(), 0.0);
        SumSpectrum single = new SumSpectrum(channels);
        double[] asDouble = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            asDouble[i] = counts[i];
        }
        for (int p = 299; p >= 0; p--) {
            single.add(asDouble, p * channels);
        }
        assertArrayEquals(whole.spectrum(), single.spectrum(), 0.0);
    }

    @Test
    void aChannelBeyondTheFixedPointRangeOverflows() {
        SumSpectrum s = new SumSpectrum(2);
        float[] big = {4.0e12f, 1f, 4.0e12f, 1f, 4.0e12f, 1f};
        assertThrows(ArithmeticException.class, () -> s.add(big));
    }
}
