package org.sicube.transforms.decomposition.nmf;

import java.io.Serializable;
import org.sicube.transforms.decomposition.CompressedRows;

/**
 * One ALS pass, mergeable: for each pixel the abundances c_n are solved against the current
 * {@link NmfModel} and immediately folded into the normal equations of the spectra update,
 * CᵀWC ({@code K × K}, row-major) and XᵀWC ({@code E × K}, channel-major), W = diag(w_n); C itself
 * is never kept. Also sums the weighted loss Σ w_n Σ_e d_e (x_ne − S c_n)²_e, computed as
 * w(xᵀDx − 2cᵀh + cᵀGc) with h = SᵀDx and G = SᵀDS, and its reference Σ w_n xᵀDx. Not thread-safe.
 */
public final class NmfSums implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int components;
    private final double[] cc;
    private final double[] xc;
    private double loss;
    private double reference;
    private long pixels;

    private NmfSums(int channels, int components) {
        this.channels = channels;
        this.components = components;
        this.cc = new double[components * components];
        this.xc = new double[channels * components];
    }

    public static NmfSums zero(int channels, int components) {
        if (channels < 1 || components < 1) {
            throw new IllegalArgumentException("sums of " + channels + " channels and " + components + " components");
        }
        return new NmfSums(channels, components);
    }

    /** Solves and adds a block of {@code pixels} spectra (pixel-major, energy fastest). */
    public NmfSums add(float[] block, int pixels, int channels, NmfModel model) {
        model.checkBlock(block, pixels, channels);
        CompressedRows rows = CompressedRows.of(block, pixels, channels);
        return add(rows.start(), rows.channel(), rows.value(), pixels, model);
    }

    /**
     * Solves and adds a block given as its non-zero counts, compressed rows (pixel n holds
     * {@code value[i]} in channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]},
     * channels increasing): the work per pixel is its non-zeros times K, not E times K.
     */
    public NmfSums add(int[] start, int[] channel, float[] value, int pixels, NmfModel model) {
        checkModel(model);
        CompressedRows.checkStarts(start, pixels);
        int k = components;
        Nnls solver = new Nnls(k);
        double[] h = new double[k];
        double[] c = new double[k];
        double[] g = model.gram();
        double[] totals = CompressedRows.pixelTotals(start, value, pixels);
        for (int n = 0; n < pixels; n++) {
            int from = start[n];
            int to = start[n + 1];
            double a = totals[n];
            double w = model.pixelWeight(a);
            if (w == 0) {
                continue;
            }
            model.abundances(channel, value, from, to, a, solver, h, c, 0);
            this.pixels++;
            double xdx = 0;
            for (int i = from; i < to; i++) {
                int e = channel[i];
                float x = value[i];
                xdx += model.channelWeight(e) * x * x;
                double wx = w * x;
                int row = e * k;
                for (int j = 0; j < k; j++) {
                    xc[row + j] += wx * c[j];
                }
            }
            double ch = 0;
            double cgc = 0;
            for (int i = 0; i < k; i++) {
                ch += c[i] * h[i];
                double gi = 0;
                for (int j = 0; j < k; j++) {
                    gi += g[i * k + j] * c[j];
                    cc[i * k + j] += w * c[i] * c[j];
                }
                cgc += c[i] * gi;
            }
            loss += w * Math.max(0, xdx - 2 * ch + cgc);
            reference += w * xdx;
        }
        return this;
    }

    private void checkModel(NmfModel model) {
        if (model.channels() != this.channels || model.components() != components) {
            throw new IllegalArgumentException("model of " + model.channels() + " × " + model.components()
                    + " for sums of " + this.channels + " × " + components);
        }
    }

    public NmfSums merge(NmfSums o) {
        if (o.channels != channels || o.components != components) {
            throw new IllegalArgumentException("cannot merge sums of different shapes");
        }
        for (int i = 0; i < cc.length; i++) {
            cc[i] += o.cc[i];
        }
        for (int i = 0; i < xc.length; i++) {
            xc[i] += o.xc[i];
        }
        loss += o.loss;
        reference += o.reference;
        pixels += o.pixels;
        return this;
    }

    /** CᵀWC, row-major K × K. */
    double[] cc() {
        return cc;
    }

    /** XᵀWC, channel-major E × K. */
    double[] xc() {
        return xc;
    }

    /** The weighted squared residual of this pass. */
    public double loss() {
        return loss;
    }

    /** The loss relative to the weighted squared norm of the data (0 = exact fit). */
    public double relativeLoss() {
        return reference > 0 ? loss / reference : 0;
    }

    /** Pixels with counts that took part. */
    public long pixels() {
        return pixels;
    }
}
