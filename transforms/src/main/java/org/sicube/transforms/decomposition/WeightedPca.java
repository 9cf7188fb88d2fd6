package org.sicube.transforms.decomposition;

/**
 * The driver-side step of the Poisson-weighted PCA: eigen-decomposes the finished
 * {@link WeightedGram} (E' ≤ a few thousand channels) with LAPACK and builds the
 * {@link WeightedPcaModel}. Eigenvalues of G are the squared singular values σ_i² of Xw; the
 * explained-variance ratio of component i is σ_i² / trace(G).
 */
public final class WeightedPca {

    private WeightedPca() {
    }

    /** K chosen by {@link Truncation#marchenkoPastur} with {@link Truncation#DEFAULT_SAFETY}. */
    public static WeightedPcaModel fit(WeightedGram gram) {
        return fit(gram, -1, Truncation.DEFAULT_SAFETY);
    }

    /**
     * Keeps {@code components} loadings, or the truncation's K when {@code components} &lt; 0;
     * the truncation is computed and reported either way.
     */
    public static WeightedPcaModel fit(WeightedGram gram, int components, double safety) {
        int kept = gram.channels() - gram.maskedChannels();
        double[] g = gram.gram();
        SymmetricEigen.Tridiagonal t = SymmetricEigen.tridiagonal(g, kept);
        double[] eigenvalues = t.values();
        Truncation truncation = Truncation.marchenkoPastur(gram, eigenvalues, safety);
        int k = components < 0 ? truncation.components() : Math.min(components, kept);
        double[] vectors = t.leadingVectors(k);
        orient(vectors, kept, k);
        return new WeightedPcaModel(gram, eigenvalues, vectors, k, truncation);
    }

    /** Eigenvectors have no sign: make each one's sum non-negative, as spectra are. */
    static void orient(double[] vectors, int n, int k) {
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += vectors[c * n + i];
            }
            if (sum < 0) {
                for (int i = 0; i < n; i++) {
                    vectors[c * n + i] = -vectors[c * n + i];
                }
            }
        }
    }
}
