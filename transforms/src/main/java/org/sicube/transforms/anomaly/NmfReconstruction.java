package org.sicube.transforms.anomaly;

import org.sicube.transforms.decomposition.nmf.NmfModel;

/**
 * The reconstruction x̂_n = Σ_k C_nk S_k of an NMF: per-pixel abundances C_n by the model's own
 * (weighted, optionally closed) NNLS, times the component spectra S (counts per channel).
 */
public final class NmfReconstruction implements Reconstruction {
    private static final long serialVersionUID = 1L;

    private final NmfModel model;
    private final double[] spectra;

    public NmfReconstruction(NmfModel model) {
        this.model = model;
        this.spectra = model.spectra();
    }

    @Override
    public int channels() {
        return model.channels();
    }

    @Override
    public void reconstruct(float[] block, int pixels, int channels, double[] out) {
        int k = model.components();
        double[] c = new double[Math.max(1, pixels * k)];
        model.abundances(block, pixels, channels, c);
        for (int n = 0; n < pixels; n++) {
            for (int e = 0; e < channels; e++) {
                double v = 0;
                for (int j = 0; j < k; j++) {
                    v += c[n * k + j] * spectra[e * k + j];
                }
                out[n * channels + e] = v;
            }
        }
    }

    @Override
    public String describe() {
        return "NMF / MCR-ALS, K = " + model.components() + " components, x̂ = C·Sᵀ with per-pixel NNLS abundances";
    }
}
