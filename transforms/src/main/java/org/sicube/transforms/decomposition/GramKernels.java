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
     * Sparse path for low-count blocks, on compressed rows (pixel n's non-zeros are {@code value[i]}
     * in {@code channel[i]} for {@code start[n] <= i < start[n + 1]}, channels increasing). The
     * k(k+1)/2 products of a pixel's k non-zeros are the same as a direct scatter into M, but are
     * gathered column by column (Gustavson's row-wise product on the block's transpose): column c
     * collects u_c·u_j over the pixels with counts in c and their non-zeros j at channels ≤ c
     * (u = x/√a_n) in a dense E-double accumulator that stays in the L1 cache, then adds it to M in
     * one contiguous sweep. Scattering each product straight into M (8·E² bytes) misses the cache
     * on nearly every update and was 4× slower.
     */
    static void sparse(int[] start, int[] channel, float[] value, int pixels, double[] pixelTotals, int channels,
            double[] m) {
        int nonZero = start[pixels];
        double[] u = new double[nonZero];
        int[] rowStart = new int[nonZero];
        int[] columnStart = new int[channels + 1];
        for (int n = 0; n < pixels; n++) {
            double a = pixelTotals[n];
            double w = a > 0 ? 1.0 / Math.sqrt(a) : 0;
            for (int i = start[n]; i < start[n + 1]; i++) {
                u[i] = value[i] * w;
                rowStart[i] = start[n];
                columnStart[channel[i] + 1]++;
            }
        }
        for (int c = 0; c < channels; c++) {
            columnStart[c + 1] += columnStart[c];
        }
        // entries by channel, in pixel order within a channel
        int[] byColumn = new int[nonZero];
        int[] fill = java.util.Arrays.copyOf(columnStart, channels);
        for (int i = 0; i < nonZero; i++) {
            byColumn[fill[channel[i]]++] = i;
        }
        double[] column = new double[channels];
        for (int c = 0; c < channels; c++) {
            int from = columnStart[c];
            int to = columnStart[c + 1];
            if (from == to) {
                continue;
            }
            int low = c;
            for (int p = from; p < to; p++) {
                int i = byColumn[p];
                double uc = u[i];
                int j = rowStart[i];
                low = Math.min(low, channel[j]);
                for (; j <= i; j++) {
                    column[channel[j]] += uc * u[j];
                }
            }
            for (int r = low, at = c * channels + low; r <= c; r++, at++) {
                m[at] += column[r];
                column[r] = 0;
            }
        }
    }

    /** The non-zeros of a dense block as compressed rows: {start, channel} and the values. */
    static Rows rows(float[] block, int pixels, int channels) {
        int nonZero = 0;
        for (int i = 0, end = pixels * channels; i < end; i++) {
            nonZero += block[i] != 0f ? 1 : 0;
        }
        int[] start = new int[pixels + 1];
        int[] channel = new int[nonZero];
        float[] value = new float[nonZero];
        int j = 0;
        for (int n = 0; n < pixels; n++) {
            start[n] = j;
            for (int e = 0, i = n * channels; e < channels; e++, i++) {
                if (block[i] != 0f) {
                    channel[j] = e;
                    value[j++] = block[i];
                }
            }
        }
        start[pixels] = j;
        return new Rows(start, channel, value);
    }

    /** Compressed sparse rows of a block. */
    record Rows(int[] start, int[] channel, float[] value) {
    }
}
