package org.sicube.transforms.decomposition.nmf;

import java.io.Serializable;
import org.sicube.transforms.decomposition.CompressedRows;

/**
 * The spectra S of an NMF X ≈ C·Sᵀ (S ≥ 0, {@code E × K}, stored channel-major: S[e][k] at
 * {@code e·K + k}) with the weighting and constraints under which abundances C are solved. The
 * loss is Σ_n w_n Σ_e d_e (x_ne − (C Sᵀ)_ne)² with channel weights d_e and pixel weights
 * w_n = 1/a_n (a_n = pixel total counts) when Poisson-weighted, else d = w = 1 — the
 * Keenan–Kotula variance model Var x_ne ∝ a_n b_e. Per pixel, C_n = argmin over c ≥ 0 (and
 * Σ c = 1 with closure) of ½ cᵀ(SᵀDS)c − cᵀSᵀD x_n: SᵀDS is formed once per model. Immutable.
 */
public final class NmfModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int components;
    private final double[] spectra;
    private final double[] channelWeights;
    private final boolean pixelWeighted;
    private final boolean closure;
    private final boolean[] fixed;
    private final double[] weightedSpectra;
    private final double[] gram;

    /**
     * @param spectra        S, channel-major {@code E × K} (copied)
     * @param channelWeights d_e ≥ 0 per channel (copied)
     * @param pixelWeighted  weight each pixel by 1/a_n in the spectra update and the loss
     * @param closure        abundances of a pixel sum to 1
     * @param fixed          components whose spectra the update keeps (copied)
     */
    public NmfModel(double[] spectra, int components, double[] channelWeights, boolean pixelWeighted,
            boolean closure, boolean[] fixed) {
        if (components < 1 || spectra.length % components != 0 || spectra.length / components != channelWeights.length
                || fixed.length != components) {
            throw new IllegalArgumentException(spectra.length + " spectrum values, " + components + " components, "
                    + channelWeights.length + " channel weights and " + fixed.length + " fixed flags do not fit");
        }
        this.channels = channelWeights.length;
        this.components = components;
        this.spectra = spectra.clone();
        this.channelWeights = channelWeights.clone();
        this.pixelWeighted = pixelWeighted;
        this.closure = closure;
        this.fixed = fixed.clone();
        this.weightedSpectra = new double[spectra.length];
        this.gram = new double[components * components];
        for (int e = 0; e < channels; e++) {
            double d = channelWeights[e];
            for (int k = 0; k < components; k++) {
                double v = d * spectra[e * components + k];
                weightedSpectra[e * components + k] = v;
                for (int l = 0; l < components; l++) {
                    gram[k * components + l] += v * spectra[e * components + l];
                }
            }
        }
    }

    /** The same weighting and constraints with new spectra. */
    public NmfModel withSpectra(double[] newSpectra) {
        return new NmfModel(newSpectra, components, channelWeights, pixelWeighted, closure, fixed);
    }

    /**
     * Abundances of one pixel given by its non-zero counts {@code value[i]} in channels
     * {@code channel[i]}, {@code from <= i < to}, channels increasing; writes K values at
     * {@code c[offset ..]} and returns Sᵀ D x into {@code h} (K values). A pixel without counts
     * gets all-zero abundances, with or without closure.
     */
    void abundances(int[] channel, float[] value, int from, int to, double pixelTotal, Nnls solver, double[] h,
            double[] c, int offset) {
        int k = components;
        java.util.Arrays.fill(h, 0, k, 0.0);
        if (!(pixelTotal > 0)) {
            java.util.Arrays.fill(c, offset, offset + k, 0.0);
            return;
        }
        for (int i = from; i < to; i++) {
            float x = value[i];
            int row = channel[i] * k;
            for (int j = 0; j < k; j++) {
                h[j] += x * weightedSpectra[row + j];
            }
        }
        solver.solve(gram, h, k, closure, c, offset);
    }

    /** Abundances of every pixel of a block (pixel-major, energy fastest) into {@code out} (pixels × K). */
    public void abundances(float[] block, int pixels, int channels, double[] out) {
        checkBlock(block, pixels, channels);
        CompressedRows rows = CompressedRows.of(block, pixels, channels);
        abundances(rows.start(), rows.channel(), rows.value(), pixels, out);
    }

    /**
     * Abundances of every pixel of a block given as its non-zero counts, compressed rows (pixel n
     * holds {@code value[i]} in channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]},
     * channels increasing), into {@code out} (pixels × K). The same numbers as from the dense block.
     */
    public void abundances(int[] start, int[] channel, float[] value, int pixels, double[] out) {
        CompressedRows.checkStarts(start, pixels);
        Nnls solver = new Nnls(components);
        double[] h = new double[components];
        double[] totals = CompressedRows.pixelTotals(start, value, pixels);
        for (int n = 0; n < pixels; n++) {
            abundances(channel, value, start[n], start[n + 1], totals[n], solver, h, out, n * components);
        }
    }

    void checkBlock(float[] block, int pixels, int channels) {
        if (channels != this.channels || pixels < 0 || block.length != (long) pixels * channels) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels + " (" + block.length
                    + " values) does not fit a model of " + this.channels + " channels");
        }
    }

    /** w_n for a pixel of total counts a (0 for an empty pixel). */
    double pixelWeight(double pixelTotal) {
        if (!(pixelTotal > 0)) {
            return 0;
        }
        return pixelWeighted ? 1.0 / pixelTotal : 1.0;
    }

    /** S, channel-major {@code E × K} (a copy). */
    public double[] spectra() {
        return spectra.clone();
    }

    /** Spectrum of component k over all E channels. */
    public double[] spectrum(int k) {
        double[] s = new double[channels];
        for (int e = 0; e < channels; e++) {
            s[e] = spectra[e * components + k];
        }
        return s;
    }

    double[] weightedSpectra() {
        return weightedSpectra;
    }

    double[] gram() {
        return gram;
    }

    double channelWeight(int e) {
        return channelWeights[e];
    }

    public int channels() {
        return channels;
    }

    public int components() {
        return components;
    }

    public boolean closure() {
        return closure;
    }

    public boolean pixelWeighted() {
        return pixelWeighted;
    }

    public boolean fixed(int k) {
        return fixed[k];
    }
}
