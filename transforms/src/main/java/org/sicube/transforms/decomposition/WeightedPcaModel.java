package org.sicube.transforms.decomposition;

import dev.ludovic.netlib.blas.BLAS;
import java.io.Serializable;

/**
 * A fitted Poisson-weighted PCA: Xw ≈ U Σ Vᵀ (V: weighted loadings, E' × K), hence
 * X ≈ diag(√a) · (U Σ) · (diag(√b) V)ᵀ. Per pixel n the weighted scores are
 * s_n = Vᵀ (xw_n − μ) with xw_n = x_n / √(a_n b) (μ = 0 unless centred), the factors are √a_n · s_n
 * and the un-weighted loadings are diag(√b) V, so x̂_n = √a_n · (μ + V s_n) ⊙ √b.
 * Arrays over channels span all E channels (masked ones are 0); loadings are column-major
 * {@code E × K}, scores pixel-major {@code pixels × K}. Immutable.
 */
public final class WeightedPcaModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int components;
    private final long pixels;
    private final long emptyPixels;
    private final int maskedChannels;
    private final double[] channelTotals;
    private final double[] rootTotals;
    private final double[] eigenvalues;
    private final double trace;
    private final double[] weightedLoadings;
    private final double[] projection;
    private final double[] mean;
    private final double[] meanScores;
    private final Truncation truncation;
    private transient volatile double[] byChannel;

    WeightedPcaModel(WeightedGram gram, double[] eigenvalues, double[] vectors, int k, Truncation truncation) {
        this.channels = gram.channels();
        this.components = k;
        this.pixels = gram.pixels();
        this.emptyPixels = gram.emptyPixels();
        this.maskedChannels = gram.maskedChannels();
        this.channelTotals = gram.channelTotals();
        this.eigenvalues = eigenvalues.clone();
        this.trace = gram.trace();
        this.truncation = truncation;
        int[] kept = gram.keptChannels();
        double[] keptMean = gram.mean();
        this.rootTotals = new double[channels];
        this.mean = new double[channels];
        this.weightedLoadings = new double[channels * k];
        this.projection = new double[channels * k];
        this.meanScores = new double[k];
        for (int i = 0; i < kept.length; i++) {
            int e = kept[i];
            rootTotals[e] = Math.sqrt(channelTotals[e]);
            mean[e] = keptMean[i];
            for (int c = 0; c < k; c++) {
                double v = vectors[c * kept.length + i];
                weightedLoadings[c * channels + e] = v;
                projection[c * channels + e] = v / rootTotals[e];
                meanScores[c] += keptMean[i] * v;
            }
        }
    }

    /**
     * The apply kernel: weighted scores of a block (pixel-major, energy fastest) into {@code out}
     * ({@code pixels × K}, pixel-major): x_n · (V / √b) divided by √a_n gives xw_n · V. Pixels without
     * counts get 0. Low-count blocks (few non-zero channels per pixel, as EDS at a few hundred counts)
     * touch only their non-zeros; dense blocks use one BLAS {@code dgemm}.
     */
    public void scores(float[] block, int pixels, int channels, double[] out) {
        if (channels != this.channels || block.length != (long) pixels * channels || out.length < (long) pixels * components) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels + " (" + block.length
                    + " values) and " + out.length + " outputs do not fit a model of " + this.channels
                    + " channels and " + components + " components");
        }
        if (components == 0 || pixels == 0) {
            return;
        }
        long nonZero = 0;
        for (float v : block) {
            nonZero += v != 0f ? 1 : 0;
        }
        if (nonZero * SPARSE_FRACTION < block.length) {
            CompressedRows rows = CompressedRows.of(block, pixels, channels);
            scores(rows.start(), rows.channel(), rows.value(), pixels, out);
            return;
        }
        normalise(denseProducts(block, pixels, out), out);
    }

    /** Products x_n · (V/√b) into weighted scores: divided by √a_n, less the mean's; 0 without counts. */
    private void normalise(double[] totals, double[] out) {
        for (int n = 0; n < totals.length; n++) {
            double a = totals[n];
            for (int c = 0; c < components; c++) {
                int i = n * components + c;
                out[i] = a > 0 ? out[i] / Math.sqrt(a) - meanScores[c] : 0;
            }
        }
    }

    /**
     * As {@link #scores(float[], int, int, double[])} for a block given as its non-zero counts,
     * compressed rows (pixel n holds {@code value[i]} in channel {@code channel[i]} for
     * {@code start[n] <= i < start[n + 1]}): k·K multiply-adds for a pixel with k non-zeros; dense
     * blocks are expanded and take the BLAS product. Returns the pixel totals a_n.
     */
    public double[] scores(int[] start, int[] channel, float[] value, int pixels, double[] out) {
        if (start.length != pixels + 1 || out.length < (long) pixels * components) {
            throw new IllegalArgumentException("block of " + pixels + " pixels (" + start.length + " row starts) and "
                    + out.length + " outputs do not fit a model of " + components + " components");
        }
        if (components > 0 && (long) start[pixels] * SPARSE_FRACTION >= (long) pixels * channels) {
            double[] totals = denseProducts(new CompressedRows(start, channel, value).dense(channels), pixels, out);
            normalise(totals, out);
            return totals;
        }
        double[] byChannel = projectionByChannel();
        double[] totals = new double[pixels];
        java.util.Arrays.fill(out, 0, pixels * components, 0);
        for (int n = 0; n < pixels; n++) {
            double a = 0;
            int dst = n * components;
            for (int i = start[n]; i < start[n + 1]; i++) {
                double x = value[i];
                a += x;
                for (int c = 0, p = channel[i] * components; c < components; c++) {
                    out[dst + c] += x * byChannel[p + c];
                }
            }
            totals[n] = a;
        }
        normalise(totals, out);
        return totals;
    }

    /**
     * Blocks with fewer than 1 in {@value #SPARSE_FRACTION} values non-zero take the sparse product:
     * k·K multiply-adds per pixel against the dense path's E·K in BLAS plus the conversion to double.
     */
    static final int SPARSE_FRACTION = 8;

    /** out = X·(V/√b) by one {@code dgemm} on the block converted to double; returns a_n. */
    private double[] denseProducts(float[] block, int pixels, double[] out) {
        double[] x = new double[block.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = block[i];
        }
        BLAS.getInstance().dgemm("T", "N", components, pixels, channels, 1.0, projection, channels,
                x, channels, 0.0, out, components);
        double[] totals = new double[pixels];
        for (int n = 0; n < pixels; n++) {
            double a = 0;
            for (int e = n * channels, end = e + channels; e < end; e++) {
                a += x[e];
            }
            totals[n] = a;
        }
        return totals;
    }

    /** V/√b channel-major ({@code E × K}, row e at e·K), built on first use on each executor. */
    private double[] projectionByChannel() {
        double[] p = byChannel;
        if (p == null) {
            p = new double[channels * components];
            for (int c = 0; c < components; c++) {
                for (int e = 0; e < channels; e++) {
                    p[e * components + c] = projection[c * channels + e];
                }
            }
            byChannel = p;
        }
        return p;
    }

    /**
     * Un-weighted reconstruction x̂ = √a · (μ + Σ_k s_k v_k) ⊙ √b of one pixel from its K weighted
     * scores at {@code scores[offset..offset+K)} and its total counts a, into {@code out} (E counts).
     */
    public void reconstruct(double[] scores, int offset, double pixelTotal, double[] out) {
        double rootA = pixelTotal > 0 ? Math.sqrt(pixelTotal) : 0;
        for (int e = 0; e < channels; e++) {
            double w = mean[e];
            for (int c = 0; c < components; c++) {
                w += scores[offset + c] * weightedLoadings[c * channels + e];
            }
            out[e] = rootA * w * rootTotals[e];
        }
    }

    /** Un-weighted loadings diag(√b)·V, column-major {@code E × K}: the component spectra. */
    public double[] loadings() {
        double[] l = new double[channels * components];
        for (int c = 0; c < components; c++) {
            for (int e = 0; e < channels; e++) {
                l[c * channels + e] = weightedLoadings[c * channels + e] * rootTotals[e];
            }
        }
        return l;
    }

    /** Weighted loadings V (unit columns over kept channels), column-major {@code E × K}. */
    public double[] weightedLoadings() {
        return weightedLoadings.clone();
    }

    /** All eigenvalues σ_i² of the weighted Gram, descending (E' of them). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Explained-variance ratios σ_i² / Σ_j σ_j², descending (E' of them). */
    public double[] explainedVarianceRatios() {
        double[] r = new double[eigenvalues.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = eigenvalues[i] / trace;
        }
        return r;
    }

    /** The weighted mean spectrum μ over all E channels (zeros unless centred). */
    public double[] mean() {
        return mean.clone();
    }

    public double[] channelTotals() {
        return channelTotals.clone();
    }

    public double trace() {
        return trace;
    }

    public int components() {
        return components;
    }

    public int channels() {
        return channels;
    }

    public long pixels() {
        return pixels;
    }

    public long emptyPixels() {
        return emptyPixels;
    }

    public int maskedChannels() {
        return maskedChannels;
    }

    /** How K was (or would have been) chosen, with its numbers. */
    public Truncation truncation() {
        return truncation;
    }
}
