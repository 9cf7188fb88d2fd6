package org.sicube.transforms.anomaly;

import org.sicube.transforms.decomposition.nmf.NmfModel;

/**
 * The reconstruction x̂_n = Σ_k C_nk S_k of an NMF: per-pixel abundances C_n by the model's own
 * (weighted, optionally closed) NNLS, times the component spectra S (counts per channel).
 */
public final class NmfReconstruction implements Reconstruction {
    private static final long serialVersionUID = 1L;

    private final NmfModel model;
    /** The component spectra S, column-major {@code E × K}. */
    private final double[] columns;

    public NmfReconstruction(NmfModel model) {
        this.model = model;
        int e = model.channels();
        int k = model.components();
        double[] spectra = model.spectra();
        this.columns = new double[e * k];
        for (int i = 0; i < e; i++) {
            for (int j = 0; j < k; j++) {
                columns[j * e + i] = spectra[i * k + j];
            }
        }
    }

    @Override
    public int channels() {
        return model.channels();
    }

    @Override
    public int terms() {
        return model.components();
    }

    @Override
    public double[] columns() {
        return columns;
    }

    @Override
    public void coefficients(int pixels, int[] start, int[] channel, double[] value, double[] z) {
        int e = model.channels();
        float[] dense = new float[pixels * e];
        for (int n = 0; n < pixels; n++) {
            for (int i = start[n]; i < start[n + 1]; i++) {
                dense[n * e + channel[i]] = (float) value[i];
            }
        }
        model.abundances(dense, pixels, e, z);
    }

    @Override
    public String describe() {
        return "NMF / MCR-ALS, K = " + model.components() + " components, x̂ = C·Sᵀ with per-pixel NNLS abundances";
    }
}
