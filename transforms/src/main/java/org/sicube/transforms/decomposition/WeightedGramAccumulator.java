package org.sicube.transforms.decomposition;

import java.io.Serializable;

/**
 * One-pass, mergeable fit of the Poisson-weighted (Keenan–Kotula) PCA. With pixel totals
 * a_n = Σ_e X_ne and channel totals b_e = Σ_n X_ne, the Gram of Xw_ne = X_ne / √(a_n b_e) is
 * G = D_b^{-1/2} · M · D_b^{-1/2} with M = Σ_n x_n x_nᵀ / a_n. a_n is local to a pixel, so one pass
 * accumulates M ({@code E × E}, its upper triangle packed by columns: 4·E² bytes) and the {@link ChannelSums};
 * {@link #finish} applies b.
 * Pixels with a_n = 0 add nothing; channels with b_e = 0 are masked at finish. Not thread-safe.
 * M is allocated by the first block added, so an empty accumulator (the zero value Spark ships in
 * every task's closure) is a few kilobytes, not {@code 4·E²} bytes.
 */
public final class WeightedGramAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A block takes the sparse kernel when its pair work Σ_n k_n² (k_n non-zero channels of pixel n)
     * is below this fraction of the dense work pixels · E²: measured break-even with native
     * OpenBLAS on 2 cores (10⁵ × 2048, ~200 counts per spectrum: sparse 3.4 s at
     * 8.5 % non-zeros, dense 4.9 s; WeightedGramBenchmark); with the pure-Java BLAS fallback sparse wins by far more.
     */
    public static final double SPARSE_WORK = 0.01;

    private final int channels;
    private final ChannelSums sums;
    private double[] m;

    private WeightedGramAccumulator(int channels) {
        // finish forms the full E × E Gram
        if (channels <= 0 || (long) channels * channels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("channels must be in 1.." + MethodChoice.MAX_EXACT_CHANNELS + ", got " + channels);
        }
        this.channels = channels;
        this.sums = new ChannelSums(channels);
    }

    /** An empty accumulator for spectra of {@code channels} channels. */
    public static WeightedGramAccumulator zero(int channels) {
        return new WeightedGramAccumulator(channels);
    }

    /** Adds a block of {@code pixels} spectra (pixel-major, energy fastest), choosing the kernel by sparsity. */
    public WeightedGramAccumulator add(float[] block, int pixels, int channels) {
        double[] totals = pixelTotals(block, pixels, channels);
        CompressedRows rows = CompressedRows.of(block, pixels, channels);
        return isSparse(rows.start(), pixels) ? addSparse(rows, totals) : addDense(block, rows, totals);
    }

    /**
     * Adds a block given as its non-zero counts, compressed rows: pixel n holds {@code value[i]} in
     * channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]}, channels increasing.
     * Dense blocks are expanded and take the BLAS kernel.
     */
    public WeightedGramAccumulator add(int[] start, int[] channel, float[] value, int pixels, int channels) {
        if (channels != this.channels || start.length != pixels + 1) {
            throw new IllegalArgumentException("block of " + pixels + " pixels (" + start.length + " row starts) × "
                    + channels + " channels does not fit a fit of " + this.channels + " channels");
        }
        double[] totals = CompressedRows.pixelTotals(start, value, pixels);
        CompressedRows rows = new CompressedRows(start, channel, value);
        return isSparse(start, pixels) ? addSparse(rows, totals) : addDense(rows.dense(channels), rows, totals);
    }

    /** Whether the pair work Σ_n k_n² is below {@link #SPARSE_WORK} of the dense work. */
    private boolean isSparse(int[] start, int pixels) {
        double pairWork = 0;
        for (int n = 0; n < pixels; n++) {
            double k = start[n + 1] - start[n];
            pairWork += k * k;
        }
        return pairWork < SPARSE_WORK * pixels * (double) channels * channels;
    }

    /** Adds a block through the named kernel (both give M to rounding; exposed for tests and benchmarks). */
    WeightedGramAccumulator add(float[] block, int pixels, int channels, double[] totals, boolean sparse) {
        CompressedRows rows = CompressedRows.of(block, pixels, channels);
        return sparse ? addSparse(rows, totals) : addDense(block, rows, totals);
    }

    /** The low-count kernel ({@link LowCountGram}) and the channel sums. */
    private WeightedGramAccumulator addSparse(CompressedRows rows, double[] totals) {
        int pixels = totals.length;
        LowCountGram.add(rows.start(), rows.channel(), rows.value(), pixels, totals, channels, gram());
        sums.add(rows.start(), rows.channel(), rows.value(), totals);
        return this;
    }

    /** The BLAS kernel on the dense block and the channel sums of the same block's non-zeros. */
    private WeightedGramAccumulator addDense(float[] block, CompressedRows rows, double[] totals) {
        GramKernels.dense(block, totals.length, channels, totals, gram());
        sums.add(rows.start(), rows.channel(), rows.value(), totals);
        return this;
    }

    /** Pixel totals a_n in float64; also checks the block shape. */
    double[] pixelTotals(float[] block, int pixels, int channels) {
        return ChannelSums.pixelTotals(block, pixels, channels, this.channels);
    }

    /** Adds {@code other}'s sums to this one (associative and commutative up to rounding). */
    public WeightedGramAccumulator merge(WeightedGramAccumulator other) {
        if (other.channels != channels) {
            throw new IllegalArgumentException("cannot merge fits of " + channels + " and " + other.channels + " channels");
        }
        if (other.m != null) {
            add(gram(), other.m);
        }
        sums.merge(other.sums);
        return this;
    }

    /** M, allocated on first use (on the executor that adds the first block). */
    private double[] gram() {
        if (m == null) {
            m = new double[(int) GramKernels.packedSize(channels)];
        }
        return m;
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** Masks empty channels and forms the weighted Gram, optionally centred on the weighted mean spectrum. */
    public WeightedGram finish(boolean centre) {
        return WeightedGram.of(sums, gram(), centre);
    }

    public int channels() {
        return channels;
    }

    /** Pixels with at least one count seen so far. */
    public long pixels() {
        return sums.pixels();
    }

    /** Pixels with no counts seen so far (left out of the fit). */
    public long emptyPixels() {
        return sums.emptyPixels();
    }
}
