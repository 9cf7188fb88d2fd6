package org.sicube.transforms.decomposition;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The two block kernels behind {@link WeightedGramAccumulator}: both add Σ_n x_n x_nᵀ / a_n over
 * the pixels of a block with a_n &gt; 0 to the upper triangle of a column-major {@code E × E} matrix
 * M (element (r, c), r ≤ c, at {@code r + c·E}). Block layout: pixel-major, energy fastest.
 */
final class GramKernels {

    /** Rows of the double buffer per {@code dsyrk} call: 512 × 2048 doubles = 8 MiB. */
    static final int DENSE_ROWS = 512;

    private GramKernels() {
    }

    /**
     * Dense level-3 path: copies up to {@link #DENSE_ROWS} pixels, each scaled by 1/√a_n, into a
     * double buffer whose column-major view is the {@code E × rows} matrix A, then M += A·Aᵀ
     * with one BLAS {@code dsyrk} (upper, no transpose) per chunk.
     */
    static void dense(float[] block, int pixels, int channels, double[] pixelTotals, double[] m) {
        BLAS blas = BLAS.getInstance();
        double[] buffer = new double[Math.min(DENSE_ROWS, pixels) * channels];
        int rows = 0;
        for (int n = 0; n < pixels; n++) {
            double a = pixelTotals[n];
            if (a <= 0) {
                continue;
            }
            double w = 1.0 / Math.sqrt(a);
            int src = n * channels;
            int dst = rows * channels;
            for (int e = 0; e < channels; e++) {
                buffer[dst + e] = block[src + e] * w;
            }
            if (++rows == DENSE_ROWS) {
                blas.dsyrk("U", "N", channels, rows, 1.0, buffer, channels, 1.0, m, channels);
                rows = 0;
            }
        }
        if (rows > 0) {
            blas.dsyrk("U", "N", channels, rows, 1.0, buffer, channels, 1.0, m, channels);
        }
    }

    /**
     * Sparse path for low-count blocks: for each pixel, the products of its non-zero channels
     * only (k(k+1)/2 updates for k non-zeros, instead of E(E+1)/2), column by column so that the
     * inner loop walks down one column of M.
     */
    static void sparse(float[] block, int pixels, int channels, double[] pixelTotals, double[] m) {
        int[] index = new int[channels];
        double[] value = new double[channels];
        for (int n = 0; n < pixels; n++) {
            double a = pixelTotals[n];
            if (a <= 0) {
                continue;
            }
            double w = 1.0 / Math.sqrt(a);
            int src = n * channels;
            int k = 0;
            for (int e = 0; e < channels; e++) {
                float x = block[src + e];
                if (x != 0f) {
                    index[k] = e;
                    value[k++] = x * w;
                }
            }
            for (int i = 0; i < k; i++) {
                int column = index[i] * channels;
                double vi = value[i];
                for (int j = 0; j <= i; j++) {
                    m[column + index[j]] += vi * value[j];
                }
            }
        }
    }
}
