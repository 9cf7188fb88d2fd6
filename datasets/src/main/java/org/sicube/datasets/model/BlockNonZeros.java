package org.sicube.datasets.model;

import java.io.Serializable;

/**
 * The non-zero counts of a {@link PixelBlock}, compressed sparse rows: pixel n (row-major in the
 * block) holds {@code value[i]} counts in channel {@code channel[i]} for {@code start[n] <= i <
 * start[n + 1]}, channels increasing. Low-count EDS spectra are mostly zeros, so a pass that only
 * needs the counts where they are (scores, deviance corrections) reads this form straight from
 * the store's sparse encoding, without filling a dense block.
 */
public record BlockNonZeros(int y0, int x0, int height, int width, int channels, int[] start, int[] channel,
        float[] value) implements Serializable {

    public BlockNonZeros {
        if (height <= 0 || width <= 0 || channels <= 0 || start.length != height * width + 1
                || channel.length != value.length || start[start.length - 1] != value.length) {
            throw new IllegalArgumentException("block " + height + "x" + width + "x" + channels + " with "
                    + (start.length - 1) + " row starts and " + value.length + " values is inconsistent");
        }
    }

    /** The non-zeros of a dense block. */
    public static BlockNonZeros of(PixelBlock b) {
        float[] c = b.counts();
        int e = b.channels();
        int pixels = b.pixels();
        int nonZero = 0;
        for (float v : c) {
            nonZero += v != 0f ? 1 : 0;
        }
        int[] start = new int[pixels + 1];
        int[] channel = new int[nonZero];
        float[] value = new float[nonZero];
        int j = 0;
        for (int n = 0; n < pixels; n++) {
            start[n] = j;
            for (int i = n * e, end = i + e; i < end; i++) {
                if (c[i] != 0f) {
                    channel[j] = i - n * e;
                    value[j++] = c[i];
                }
            }
        }
        start[pixels] = j;
        return new BlockNonZeros(b.y0(), b.x0(), b.height(), b.width(), e, start, channel, value);
    }

    public int pixels() {
        return height * width;
    }

    /** The counts of pixel n as a dense spectrum of {@code channels} values. */
    public float[] dense(int n) {
        float[] x = new float[channels];
        for (int i = start[n]; i < start[n + 1]; i++) {
            x[channel[i]] = value[i];
        }
        return x;
    }

    /** The whole block as dense counts, pixel-major with energy fastest. */
    public PixelBlock toBlock() {
        float[] x = new float[Math.multiplyExact(pixels(), channels)];
        for (int n = 0; n < pixels(); n++) {
            for (int i = start[n]; i < start[n + 1]; i++) {
                x[n * channels + channel[i]] = value[i];
            }
        }
        return new PixelBlock(y0, x0, height, width, channels, x);
    }
}
