package org.sicube.transforms.decomposition;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The dense block kernel behind {@link WeightedGramAccumulator} (low-count blocks take
 * {@link LowCountGram}), with the layout both share: they add Σ_n x_n x_nᵀ / a_n over
 * the pixels of a block with a_n &gt; 0 to the symmetric {@code E × E} matrix M, kept as its upper
 * triangle packed by columns (element (r, c), r ≤ c, at {@link #packed(int, int) r + c(c+1)/2}):
 * half the memory, merge and task-result size of the full matrix. Dense blocks are pixel-major,
 * energy fastest.
 */
final class GramKernels {

    /** Rows of the double buffer per chunk: 1024 × 2048 doubles = 16 MiB. */
    static final int DENSE_ROWS = 1024;

    /** Columns of M per panel of the dense path (E × 1024 doubles): two BLAS calls per panel. */
    static final int PANEL = 1024;

    private GramKernels() {
    }

    /** Index of element (r, c), r ≤ c, of the packed upper triangle. */
    static int packed(int r, int c) {
        return r + (int) ((long) c * (c + 1) / 2);
    }

    /** Doubles in the packed upper triangle of an {@code E × E} matrix. */
    static long packedSize(int channels) {
        return (long) channels * (channels + 1) / 2;
    }

    /**
     * Dense level-3 path: copies up to {@link #DENSE_ROWS} pixels, each scaled by 1/√a_n, into a
     * double buffer whose column-major view is the {@code E × rows} matrix A, then forms A·Aᵀ one
     * panel of {@link #PANEL} columns at a time (BLAS {@code dgemm} above the diagonal block,
     * {@code dsyrk} on it) and adds the panel's upper part to the packed M.
     */
    static void dense(float[] block, int pixels, int channels, double[] pixelTotals, double[] m) {
        // one spare column each: the BLAS bounds checks count a whole column after an offset
        double[] buffer = new double[(Math.min(DENSE_ROWS, pixels) + 1) * channels];
        double[] panel = new double[channels * (Math.min(PANEL, channels) + 1)];
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
                addProduct(buffer, rows, channels, panel, m);
                rows = 0;
            }
        }
        if (rows > 0) {
            addProduct(buffer, rows, channels, panel, m);
        }
    }

    /** M += A·Aᵀ (upper triangle, packed) for the {@code channels × rows} column-major A. */
    private static void addProduct(double[] a, int rows, int channels, double[] panel, double[] m) {
        BLAS blas = BLAS.getInstance();
        for (int c0 = 0; c0 < channels; c0 += PANEL) {
            int width = Math.min(PANEL, channels - c0);
            int height = c0 + width;
            // panel (height × width, column-major) = A[0:c0, :]·A[c0:height, :]ᵀ above the diagonal
            // block, whose upper triangle is A[c0:height, :]·A[c0:height, :]ᵀ
            if (c0 > 0) {
                blas.dgemm("N", "T", c0, width, rows, 1.0, a, 0, channels, a, c0, channels, 0.0, panel, 0, height);
            }
            blas.dsyrk("U", "N", width, rows, 1.0, a, c0, channels, 0.0, panel, c0, height);
            for (int j = 0; j < width; j++) {
                int c = c0 + j;
                int at = packed(0, c);
                for (int r = 0, from = j * height; r <= c; r++) {
                    m[at + r] += panel[from + r];
                }
            }
        }
    }
}
