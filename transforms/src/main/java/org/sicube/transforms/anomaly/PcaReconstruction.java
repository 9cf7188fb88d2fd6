package org.sicube.transforms.anomaly;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The reconstruction x̂_n = √a_n · (μ + Σ_{c kept} s_nc v_c) ⊙ √b of a Poisson-weighted PCA from a
 * chosen subset of its components. The loadings are orthonormal, so leaving a component out does
 * not change the scores of the others: the subset's reconstruction is the full one minus the
 * dropped terms. The weighted scores s_nc = Σ_e x_ne v_ce / √(a_n b_e) − (μ·v_c) of
 * {@link WeightedPcaModel#scores} are summed over the channels with counts only (low-count spectra
 * are mostly zeros). With the un-weighted loadings L = diag(√b) V and the mean column diag(√b) μ,
 * x̂_n = [L_kept | √b ⊙ μ] · √a_n [s_n ; 1]: C and z of {@link Reconstruction}.
 */
public final class PcaReconstruction implements Reconstruction {
    private static final long serialVersionUID = 1L;

    private final WeightedPcaModel model;
    private final boolean[] kept;
    private final int k;
    /** [L_kept | √b ⊙ μ], column-major {@code E × (K' + 1)}. */
    private final double[] columns;
    /** v_c / √b per kept component, column-major {@code E × K'}: gathered at the channels with counts. */
    private final double[] keptProjection;
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    private final double[] keptMeanScores;

    /** {@code kept[c]} says whether component c enters x̂ (K flags). */
    public PcaReconstruction(WeightedPcaModel model, boolean[] kept) {
        int all = model.components();
        if (kept.length != all) {
            throw new IllegalArgumentException(kept.length + " component flags for a model of " + all + " components");
        }
        this.model = model;
        this.kept = kept.clone();
        int e = model.channels();
        double[] b = model.channelTotals();
        double[] rootTotals = new double[e];
        for (int i = 0; i < e; i++) {
            rootTotals[i] = Math.sqrt(Math.max(b[i], 0));
        }
        double[] mean = model.mean();
        int n = 0;
        for (boolean f : kept) {
            n += f ? 1 : 0;
        }
        this.k = n;
        double[] v = model.weightedLoadings();
        this.columns = new double[e * (k + 1)];
        this.keptProjection = new double[e * k];
        this.keptMeanScores = new double[k];
        for (int c = 0, j = 0; c < all; c++) {
            if (kept[c]) {
                for (int i = 0; i < e; i++) {
                    double w = v[c * e + i];
                    columns[j * e + i] = w * rootTotals[i];
                    keptProjection[j * e + i] = rootTotals[i] > 0 ? w / rootTotals[i] : 0;
                    keptMeanScores[j] += mean[i] * w;
                }
                j++;
            }
        }
        for (int i = 0; i < e; i++) {
            columns[k * e + i] = mean[i] * rootTotals[i];
        }
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
    public int terms() {
        return k + 1;
    }

    @Override
    public double[] columns() {
        return columns;
    }

    @Override
    public void coefficients(int pixels, int[] start, int[] channel, double[] value, double[] z) {
        int k1 = k + 1;
        int e = model.channels();
        for (int n = 0; n < pixels; n++) {
            int first = start[n];
            int last = start[n + 1];
            double a = 0;
            for (int i = first; i < last; i++) {
                a += value[i];
            }
            int s = n * k1;
            if (!(a > 0)) {
                java.util.Arrays.fill(z, s, s + k1, 0.0);
                continue;
            }
            // √a · s = Σ x v/√b − √a (μ·v); the last entry weighs the mean column
            double rootA = Math.sqrt(a);
            for (int j = 0; j < k; j++) {
                z[s + j] = projection(keptProjection, j * e, channel, value, first, last) - rootA * keptMeanScores[j];
            }
            z[s + k] = rootA;
        }
    }

    /** Σ_i x_i p[offset + channel_i] over one pixel's non-zeros, gathered in SIMD lanes. */
    private static double projection(double[] p, int offset, int[] channel, double[] value, int first, int last) {
        DoubleVector sum = DoubleVector.zero(LANES);
        int i = first;
        for (int end = first + LANES.loopBound(last - first); i < end; i += LANES.length()) {
            sum = DoubleVector.fromArray(LANES, p, offset, channel, i).fma(DoubleVector.fromArray(LANES, value, i), sum);
        }
        double s = sum.reduceLanes(VectorOperators.ADD);
        for (; i < last; i++) {
            s += value[i] * p[offset + channel[i]];
        }
        return s;
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
