package org.sicube.datasets.model;

import java.io.Serializable;

/**
 * A {@code height × width} tile of spectra whose top-left pixel is {@code (y0, x0)}: counts as a flat
 * row-major {@code float[]} with energy fastest, index {@code ((y - y0) * width + (x - x0)) * channels + e}.
 * The unit of partitioning and of every map stage.
 */
public record PixelBlock(int y0, int x0, int height, int width, int channels, float[] counts)
        implements Serializable {

    public PixelBlock {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("block dimensions must be positive: " + height + "x" + width + "x" + channels);
        }
        long n = (long) height * width * channels;
        if (counts.length != n) {
            throw new IllegalArgumentException("block " + height + "x" + width + "x" + channels
                    + " needs " + n + " values, got " + counts.length);
        }
    }

    public static PixelBlock empty(int y0, int x0, int height, int width, int channels) {
        return new PixelBlock(y0, x0, height, width, channels, new float[Math.multiplyExact(Math.multiplyExact(height, width), channels)]);
    }

    public int pixels() {
        return height * width;
    }

    /**
     * Sum of all counts in the block, accumulated in double: eight interleaved partial sums (value
     * i goes to sum i mod 8), added pairwise at the end, so that the adds do not wait on each other.
     * (Plain Java: a second vector shape of doubles in the same JVM spoils the Vector API's
     * compilation of the kernels.)
     */
    public double totalCounts() {
        double[] s = new double[8];
        int n = counts.length;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            for (int k = 0; k < 8; k++) {
                s[k] += counts[i + k];
            }
        }
        for (; i < n; i++) {
            s[i & 7] += counts[i];
        }
        return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    }

    /** Offset of pixel {@code (y, x)} (image coordinates) in {@link #counts()}. */
    public int offsetOf(int y, int x) {
        return ((y - y0) * width + (x - x0)) * channels;
    }
}
