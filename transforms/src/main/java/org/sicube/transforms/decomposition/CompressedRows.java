package org.sicube.transforms.decomposition;

/**
 * The non-zero counts of a block of spectra as compressed sparse rows, the form the low-count
 * kernels take: pixel n holds {@code value[i]} counts in channel {@code channel[i]} for
 * {@code start[n] <= i < start[n + 1]}, channels increasing.
 */
public record CompressedRows(int[] start, int[] channel, float[] value) {

    /** Checks that {@code start} holds the row starts of {@code pixels} pixels. */
    public static void checkStarts(int[] start, int pixels) {
        if (pixels < 0 || start.length != pixels + 1) {
            throw new IllegalArgumentException(pixels + " pixels need " + (pixels + 1) + " row starts, got "
                    + start.length);
        }
    }

    /** Pixel totals a_n in float64 of a block of compressed rows. */
    public static double[] pixelTotals(int[] start, float[] value, int pixels) {
        double[] totals = new double[pixels];
        for (int n = 0; n < pixels; n++) {
            double a = 0;
            for (int i = start[n]; i < start[n + 1]; i++) {
                a += value[i];
            }
            totals[n] = a;
        }
        return totals;
    }

    /** The non-zeros of a dense block ({@code pixels × channels}, energy fastest). */
    public static CompressedRows of(float[] block, int pixels, int channels) {
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
        return new CompressedRows(start, channel, value);
    }

    /** The block as dense counts ({@code pixels × channels}, energy fastest). */
    public float[] dense(int channels) {
        int pixels = start.length - 1;
        float[] block = new float[Math.multiplyExact(pixels, channels)];
        for (int n = 0; n < pixels; n++) {
            for (int i = start[n]; i < start[n + 1]; i++) {
                block[n * channels + channel[i]] = value[i];
            }
        }
        return block;
    }
}
