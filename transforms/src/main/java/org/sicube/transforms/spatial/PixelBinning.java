package org.sicube.transforms.spatial;

/**
 * Spatial binning of a block of spectra: each output pixel sums the spectra of {@code factor ×
 * factor} input pixels (counts conserved); rows and columns beyond the last whole group are
 * dropped. Blocks are pixel-major {@code double[h · w · channels]}, channels fastest.
 */
public final class PixelBinning {
    private PixelBinning() {
    }

    /** The binned block: (h / factor) × (w / factor) pixels of {@code channels} values. */
    public static double[] sum(double[] data, int h, int w, int channels, int factor) {
        int oh = h / factor;
        int ow = w / factor;
        double[] out = new double[oh * ow * channels];
        for (int y = 0; y < oh * factor; y++) {
            for (int x = 0; x < ow * factor; x++) {
                int src = (y * w + x) * channels;
                int dst = ((y / factor) * ow + x / factor) * channels;
                for (int c = 0; c < channels; c++) {
                    out[dst + c] += data[src + c];
                }
            }
        }
        return out;
    }

    /** A per-pixel map (h · w values) binned the same way, each output pixel the mean of its finite values (NaN if none). */
    public static double[] mean(double[] map, int h, int w, int factor) {
        int oh = h / factor;
        int ow = w / factor;
        double[] sum = new double[oh * ow];
        int[] n = new int[oh * ow];
        for (int y = 0; y < oh * factor; y++) {
            for (int x = 0; x < ow * factor; x++) {
                double v = map[y * w + x];
                if (Double.isFinite(v)) {
                    int o = (y / factor) * ow + x / factor;
                    sum[o] += v;
                    n[o]++;
                }
            }
        }
        for (int o = 0; o < sum.length; o++) {
            sum[o] = n[o] > 0 ? sum[o] / n[o] : Double.NaN;
        }
        return sum;
    }
}
