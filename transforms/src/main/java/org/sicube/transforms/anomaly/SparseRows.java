package org.sicube.transforms.anomaly;

/**
 * The non-zero counts of a block of spectra as compressed sparse rows: pixel n holds
 * {@code value[i]} counts in channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]}.
 */
record SparseRows(int[] start, int[] channel, double[] value) {

    /** The non-zeros of a dense block ({@code pixels × channels}, energy fastest). */
    static SparseRows of(float[] block, int pixels, int channels) {
        int nonZero = 0;
        for (int i = 0, end = pixels * channels; i < end; i++) {
            nonZero += block[i] != 0f ? 1 : 0;
        }
        int[] start = new int[pixels + 1];
        int[] channel = new int[nonZero];
        double[] value = new double[nonZero];
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
        return new SparseRows(start, channel, value);
    }
}
