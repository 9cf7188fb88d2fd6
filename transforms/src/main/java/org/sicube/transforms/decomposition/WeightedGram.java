package org.sicube.transforms.decomposition;

import java.io.Serializable;

/**
 * The finished one-pass sums of {@link WeightedGramAccumulator} (or, without the matrix, of
 * {@link ChannelSums}): the uncentred (or centred)
 * Gram G = Xwᵀ·Xw of the Poisson-weighted data over the kept channels (b_e &gt; 0), as a full
 * symmetric column-major {@code E' × E'} matrix, with what the decomposition and the apply pass
 * need: the kept channel indices, the channel totals b (all E channels), the number of pixels N
 * with counts, the exact trace of G and the weighted mean spectrum μ (kept channels; zeros when
 * not centred).
 */
public final class WeightedGram implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int[] kept;
    private final double[] channelTotals;
    private final double[] gram;
    private final double[] mean;
    private final double trace;
    private final double noiseVariance;
    private final long pixels;
    private final long emptyPixels;
    private final boolean centred;

    private WeightedGram(int channels, int[] kept, double[] channelTotals, double[] gram, double[] mean,
            double trace, double noiseVariance, long pixels, long emptyPixels, boolean centred) {
        this.channels = channels;
        this.kept = kept;
        this.channelTotals = channelTotals;
        this.gram = gram;
        this.mean = mean;
        this.trace = trace;
        this.noiseVariance = noiseVariance;
        this.pixels = pixels;
        this.emptyPixels = emptyPixels;
        this.centred = centred;
    }

    /**
     * G_ij = M_ij / √(b_i b_j) over kept channels; trace(G) = Σ_e M_ee / b_e = Σ_n Σ_e X_ne² / (a_n b_e).
     * Centring: μ_e = (1/N) Σ_n X_ne / √(a_n b_e) and G_c = G − N·μμᵀ. The mean noise variance
     * of Xw, (1/(N E')) Σ_e (Σ_n X_ne / a_n) / b_e, estimates Σ λ_ne / (a_n b_e) / (N E') for Poisson X.
     * With {@code m} null only the statistics are formed (trace from the sums' diagonal) and
     * {@link #gram()} is unavailable.
     */
    static WeightedGram of(ChannelSums sums, double[] m, boolean centre) {
        int channels = sums.channels();
        double[] b = sums.channelTotals;
        long pixels = sums.pixels;
        int[] kept = keptChannels(b);
        int k = kept.length;
        double[] root = new double[k];
        for (int i = 0; i < k; i++) {
            root[i] = Math.sqrt(b[kept[i]]);
        }
        double[] mean = new double[k];
        if (centre && pixels > 0) {
            for (int i = 0; i < k; i++) {
                mean[i] = sums.weightedSums[kept[i]] / (pixels * root[i]);
            }
        }
        double[] g = m == null ? null : new double[k * k];
        double trace = 0;
        double noise = 0;
        for (int j = 0; j < k; j++) {
            if (m != null) {
                int column = GramKernels.packed(0, kept[j]);
                for (int i = 0; i <= j; i++) {
                    double v = m[kept[i] + column] / (root[i] * root[j]) - pixels * mean[i] * mean[j];
                    g[i + j * k] = v;
                    g[j + i * k] = v;
                }
                trace += g[j + j * k];
            } else {
                trace += sums.squares[kept[j]] / b[kept[j]] - pixels * mean[j] * mean[j];
            }
            noise += sums.normalisedSums[kept[j]] / b[kept[j]];
        }
        noise = k == 0 || pixels == 0 ? 0 : noise / ((double) pixels * k);
        return new WeightedGram(channels, kept, b.clone(), g, mean, trace, noise, pixels, sums.emptyPixels, centre);
    }

    private static int[] keptChannels(double[] b) {
        int count = 0;
        for (double v : b) {
            if (v > 0) {
                count++;
            }
        }
        int[] kept = new int[count];
        for (int e = 0, i = 0; e < b.length; e++) {
            if (b[e] > 0) {
                kept[i++] = e;
            }
        }
        return kept;
    }

    /** All channels of the spectra (masked included). */
    public int channels() {
        return channels;
    }

    /** Indices of the channels with counts, ascending (E' of them). */
    public int[] keptChannels() {
        return kept.clone();
    }

    public int maskedChannels() {
        return channels - kept.length;
    }

    /** Channel totals b_e over all E channels (counts). */
    public double[] channelTotals() {
        return channelTotals.clone();
    }

    /** Total counts T = Σ_e b_e. */
    public double totalCounts() {
        double t = 0;
        for (double v : channelTotals) {
            t += v;
        }
        return t;
    }

    /** A copy of G, full symmetric, column-major {@code E' × E'}. */
    public double[] gram() {
        if (gram == null) {
            throw new IllegalStateException("the Gram matrix was not accumulated (statistics only)");
        }
        return gram.clone();
    }

    /** The weighted mean spectrum μ over kept channels (zeros when not centred). */
    public double[] mean() {
        return mean.clone();
    }

    /** trace(G): Σ of all eigenvalues, the squared Frobenius norm of the (centred) Xw. */
    public double trace() {
        return trace;
    }

    /** Estimated mean variance of a Poisson-noise entry of Xw (≈ 1/T when the mean is rank one). */
    public double noiseVariance() {
        return noiseVariance;
    }

    /** N: pixels with counts. */
    public long pixels() {
        return pixels;
    }

    /** Pixels without counts, left out. */
    public long emptyPixels() {
        return emptyPixels;
    }

    public boolean centred() {
        return centred;
    }
}
