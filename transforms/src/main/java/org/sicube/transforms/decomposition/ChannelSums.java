package org.sicube.transforms.decomposition;

import java.io.Serializable;

/**
 * The per-channel sums of one pass over the spectra that every Poisson-weighted decomposition needs
 * (E doubles each): channel totals b_e = Σ_n X_ne, Σ_n X_ne²/a_n (the diagonal of M, hence the exact
 * trace), Σ_n X_ne/√a_n (centring) and Σ_n X_ne/a_n (noise level), with the pixel counts. Pixels with
 * a_n = 0 add nothing. Mergeable, not thread-safe. Blocks are pixel-major, energy fastest.
 */
public final class ChannelSums implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int channels;
    final double[] channelTotals;
    final double[] squares;
    final double[] weightedSums;
    final double[] normalisedSums;
    long pixels;
    long emptyPixels;

    ChannelSums(int channels) {
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive, got " + channels);
        }
        this.channels = channels;
        this.channelTotals = new double[channels];
        this.squares = new double[channels];
        this.weightedSums = new double[channels];
        this.normalisedSums = new double[channels];
    }

    /** Empty sums for spectra of {@code channels} channels. */
    public static ChannelSums zero(int channels) {
        return new ChannelSums(channels);
    }

    /** Adds a block of {@code pixels} spectra. */
    public ChannelSums add(float[] block, int pixels, int channels) {
        double[] totals = pixelTotals(block, pixels, channels, this.channels);
        CompressedRows rows = CompressedRows.of(block, pixels, channels);
        return add(rows.start(), rows.channel(), rows.value(), totals);
    }

    /**
     * Adds a block given as its non-zero counts, compressed rows: pixel n holds {@code value[i]} in
     * channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]}.
     */
    public ChannelSums add(int[] start, int[] channel, float[] value, int pixels) {
        CompressedRows.checkStarts(start, pixels);
        return add(start, channel, value, CompressedRows.pixelTotals(start, value, pixels));
    }

    /** Adds a block of compressed rows whose pixel totals are known (see {@link WeightedGramAccumulator}). */
    ChannelSums add(int[] start, int[] channel, float[] value, double[] totals) {
        for (int n = 0; n < totals.length; n++) {
            double a = totals[n];
            if (a <= 0) {
                emptyPixels++;
                continue;
            }
            pixels++;
            double rootA = Math.sqrt(a);
            for (int i = start[n]; i < start[n + 1]; i++) {
                add(channel[i], value[i], a, rootA);
            }
        }
        return this;
    }

    /** Count x in channel e of a pixel of a_n = a counts. */
    private void add(int e, double x, double a, double rootA) {
        channelTotals[e] += x;
        squares[e] += x * x / a;
        weightedSums[e] += x / rootA;
        normalisedSums[e] += x / a;
    }

    /** Pixel totals a_n in float64, after checking that the block is {@code pixels × expected} values. */
    static double[] pixelTotals(float[] block, int pixels, int channels, int expected) {
        if (channels != expected) {
            throw new IllegalArgumentException("block has " + channels + " channels, the fit " + expected);
        }
        if (pixels < 0 || block.length != (long) pixels * channels) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels + " needs "
                    + (long) pixels * channels + " values, got " + block.length);
        }
        double[] totals = new double[pixels];
        for (int n = 0; n < pixels; n++) {
            double a = 0;
            for (int e = n * channels, end = e + channels; e < end; e++) {
                a += block[e];
            }
            totals[n] = a;
        }
        return totals;
    }

    /** Adds {@code other}'s sums to these (associative and commutative up to rounding). */
    public ChannelSums merge(ChannelSums other) {
        if (other.channels != channels) {
            throw new IllegalArgumentException("cannot merge sums of " + channels + " and " + other.channels + " channels");
        }
        for (int e = 0; e < channels; e++) {
            channelTotals[e] += other.channelTotals[e];
            squares[e] += other.squares[e];
            weightedSums[e] += other.weightedSums[e];
            normalisedSums[e] += other.normalisedSums[e];
        }
        pixels += other.pixels;
        emptyPixels += other.emptyPixels;
        return this;
    }

    /** The statistics of the weighted data without the Gram matrix (the randomized path's first pass). */
    public WeightedGram finish(boolean centre) {
        return WeightedGram.of(this, null, centre);
    }

    public int channels() {
        return channels;
    }

    /** Pixels with at least one count. */
    public long pixels() {
        return pixels;
    }

    /** Pixels with no counts (left out). */
    public long emptyPixels() {
        return emptyPixels;
    }
}
