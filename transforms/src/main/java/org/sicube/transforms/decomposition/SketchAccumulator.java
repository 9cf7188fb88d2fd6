package org.sicube.transforms.decomposition;

import java.io.Serializable;

/**
 * One distributed pass of the randomized path: Y' = M·P = Σ_n x_n (x_nᵀ P) / a_n for a probe P
 * ({@code E × L}, row-major: channel e's L values at {@code e·L}), so that G·Q = D_b^{-1/2} Y' when
 * P = D_b^{-1/2} Q. Only a pixel's non-zero channels are touched: 4·k·L flops for k non-zeros.
 * Y' ({@code E × L}, row-major) is allocated by the first block, so the zero value shipped in the
 * closure holds only the probe. Mergeable, not thread-safe; blocks are pixel-major, energy fastest.
 */
public final class SketchAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int rank;
    private final double[] probe;
    private double[] product;

    SketchAccumulator(double[] probe, int channels, int rank) {
        this.channels = channels;
        this.rank = rank;
        this.probe = probe;
    }

    /** Adds a block of {@code pixels} spectra. */
    public SketchAccumulator add(float[] block, int pixels, int channels) {
        if (channels != this.channels || pixels < 0 || block.length != (long) pixels * channels) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels + " (" + block.length
                    + " values) does not fit a sketch of " + this.channels + " channels");
        }
        CompressedRows rows = CompressedRows.of(block, pixels, channels);
        return add(rows.start(), rows.channel(), rows.value(), pixels);
    }

    /**
     * Adds a block given as its non-zero counts, compressed rows: pixel n holds {@code value[i]} in
     * channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]}.
     */
    public SketchAccumulator add(int[] start, int[] channel, float[] value, int pixels) {
        CompressedRows.checkStarts(start, pixels);
        double[] y = product();
        double[] t = new double[rank];
        double[] totals = CompressedRows.pixelTotals(start, value, pixels);
        for (int n = 0; n < pixels; n++) {
            double a = totals[n];
            if (a <= 0) {
                continue;
            }
            java.util.Arrays.fill(t, 0);
            for (int i = start[n]; i < start[n + 1]; i++) {
                double v = value[i];
                for (int l = 0, p = channel[i] * rank; l < rank; l++) {
                    t[l] += v * probe[p + l];
                }
            }
            for (int l = 0; l < rank; l++) {
                t[l] /= a;
            }
            for (int i = start[n]; i < start[n + 1]; i++) {
                double v = value[i];
                for (int l = 0, p = channel[i] * rank; l < rank; l++) {
                    y[p + l] += v * t[l];
                }
            }
        }
        return this;
    }

    /** Adds {@code other}'s product to this one. */
    public SketchAccumulator merge(SketchAccumulator other) {
        if (other.channels != channels || other.rank != rank) {
            throw new IllegalArgumentException("cannot merge sketches of " + channels + " × " + rank + " and "
                    + other.channels + " × " + other.rank);
        }
        if (other.product != null) {
            double[] y = product();
            for (int i = 0; i < y.length; i++) {
                y[i] += other.product[i];
            }
        }
        return this;
    }

    /** Y' = M·P, row-major {@code E × L} (zeros when no block was added). */
    double[] product() {
        if (product == null) {
            product = new double[channels * rank];
        }
        return product;
    }
}
