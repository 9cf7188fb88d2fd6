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

    /** Sum of all counts in the block, accumulated in double. */
    public double totalCounts() {
        double s = 0;
        for (float v : counts) {
            s += v;
        }
        return s;
    }

    /** Offset of pixel {@code (y, x)} (image coordinates) in {@link #counts()}. */
    public int offsetOf(int y, int x) {
        return ((y - y0) * width + (x - x0)) * channels;
    }
}
