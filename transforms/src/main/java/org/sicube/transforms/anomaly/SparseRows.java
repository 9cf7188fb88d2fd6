package org.sicube.transforms.anomaly;

import org.sicube.transforms.decomposition.CompressedRows;

/**
 * The non-zero counts of a block of spectra as compressed sparse rows: pixel n holds
 * {@code value[i]} counts in channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]}.
 */
record SparseRows(int[] start, int[] channel, double[] value) {

    /** The non-zeros of a dense block ({@code pixels × channels}, energy fastest). */
    static SparseRows of(float[] block, int pixels, int channels) {
        return of(CompressedRows.of(block, pixels, channels));
    }

    /** The same rows with the counts as doubles. */
    static SparseRows of(CompressedRows rows) {
        float[] v = rows.value();
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return new SparseRows(rows.start(), rows.channel(), d);
    }
}
