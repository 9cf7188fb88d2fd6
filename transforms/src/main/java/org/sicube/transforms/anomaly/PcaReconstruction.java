package org.sicube.transforms.anomaly;

import dev.ludovic.netlib.blas.BLAS;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The reconstruction x̂_n = √a_n · (μ + Σ_{c kept} s_nc v_c) ⊙ √b of a Poisson-weighted PCA from a
 * chosen subset of its components. The loadings are orthonormal, so leaving a component out does
 * not change the scores of the others: the subset's reconstruction is the full one minus the
 * dropped terms. One BLAS {@code dgemm} per block (V_kept · Sᵀ).
 */
public final class PcaReconstruction implements Reconstruction {
    private static final long serialVersionUID = 1L;

    private final WeightedPcaModel model;
    private final boolean[] kept;
    private final double[] keptLoadings;
    private final double[] rootTotals;
    private final double[] mean;

    /** {@code kept[c]} says whether component c enters x̂ (K flags). */
    public PcaReconstruction(WeightedPcaModel model, boolean[] kept) {
        int k = model.components();
        if (kept.length != k) {
            throw new IllegalArgumentException(kept.length + " component flags for a model of " + k + " components");
        }
        this.model = model;
        this.kept = kept.clone();
        int e = model.channels();
        this.keptLoadings = model.weightedLoadings();
        for (int c = 0; c < k; c++) {
            if (!kept[c]) {
                java.util.Arrays.fill(keptLoadings, c * e, (c + 1) * e, 0.0);
            }
        }
        double[] b = model.channelTotals();
        this.rootTotals = new double[e];
        for (int i = 0; i < e; i++) {
            rootTotals[i] = Math.sqrt(Math.max(b[i], 0));
        }
        this.mean = model.mean();
    }

    /** All K components. */
    public static PcaReconstruction of(WeightedPcaModel model) {
        boolean[] all = new boolean[model.components()];
        java.util.Arrays.fill(all, true);
        return new PcaReconstruction(model, all);
    }

    @Override
    public int channels() {
        return model.channels();
    }

    @Override
    public void reconstruct(float[] block, int pixels, int channels, double[] out) {
        int k = model.components();
        double[] scores = new double[Math.max(1, pixels * k)];
        model.scores(block, pixels, channels, scores);
        if (k > 0 && pixels > 0) {
            BLAS.getInstance().dgemm("N", "N", channels, pixels, k, 1.0, keptLoadings, channels, scores, k, 0.0,
                    out, channels);
        } else {
            java.util.Arrays.fill(out, 0, pixels * channels, 0.0);
        }
        for (int n = 0; n < pixels; n++) {
            double a = 0;
            for (int e = n * channels, end = e + channels; e < end; e++) {
                a += block[e];
            }
            double rootA = a > 0 ? Math.sqrt(a) : 0;
            for (int e = 0, i = n * channels; e < channels; e++, i++) {
                out[i] = rootA * (mean[e] + out[i]) * rootTotals[e];
            }
        }
    }

    /** The component flags (K values, true = in x̂). */
    public boolean[] kept() {
        return kept.clone();
    }

    @Override
    public String describe() {
        int k = model.components();
        StringBuilder dropped = new StringBuilder();
        int n = 0;
        for (int c = 0; c < k; c++) {
            if (!kept[c]) {
                dropped.append(n++ == 0 ? "" : ", ").append(c + 1);
            }
        }
        return "Poisson-weighted PCA, " + (k - n) + " of K = " + k + " components"
                + (n == 0 ? "" : " (left out: component " + dropped + ")");
    }
}
