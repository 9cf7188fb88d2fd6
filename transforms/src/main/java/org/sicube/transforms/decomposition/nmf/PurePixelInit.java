package org.sicube.transforms.decomposition.nmf;

import java.util.List;
import org.sicube.transforms.decomposition.CompressedRows;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * Initial spectra for the ALS from an uncentred Poisson-weighted PCA with K loadings. A pixel's
 * point is its weighted score divided by √a_n, r_n = Vᵀ(x_n / (a_n √b)): thickness (total counts)
 * drops out, so pure pixels of one phase share a vertex and mixtures lie between vertices. The
 * {@link SuccessiveProjections} picks are turned back into spectra through the PCA,
 * x/a ≈ L r with L = diag(√b)·V the un-weighted loadings, clipped at 0 — a denoised estimate of
 * the pure spectrum. Fixed spectra enter the projections first through their own points.
 */
public final class PurePixelInit {

    private PurePixelInit() {
    }

    /** Points r_n of a block (pixel-major, energy fastest) into {@code out} (pixels × K; empty pixels 0). */
    public static void points(WeightedPcaModel pca, float[] block, int pixels, int channels, double[] out) {
        CompressedRows rows = CompressedRows.of(block, pixels, channels);
        points(pca, rows.start(), rows.channel(), rows.value(), pixels, out);
    }

    /**
     * Points r_n of a block given as its non-zero counts, compressed rows (pixel n holds
     * {@code value[i]} in channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]}).
     */
    public static void points(WeightedPcaModel pca, int[] start, int[] channel, float[] value, int pixels,
            double[] out) {
        double[] totals = pca.scores(start, channel, value, pixels, out);
        int k = pca.components();
        for (int n = 0; n < pixels; n++) {
            double a = totals[n];
            double scale = a > 0 ? 1 / Math.sqrt(a) : 0;
            for (int c = 0; c < k; c++) {
                out[n * k + c] *= scale;
            }
        }
    }

    /** The point Vᵀ(f / (Σf · √b)) of a known spectrum f (E channels). */
    public static double[] point(WeightedPcaModel pca, double[] spectrum) {
        int k = pca.components();
        int channels = pca.channels();
        double[] v = pca.weightedLoadings();
        double[] b = pca.channelTotals();
        double total = 0;
        for (double x : spectrum) {
            total += x;
        }
        double[] r = new double[k];
        for (int e = 0; e < channels; e++) {
            if (b[e] > 0 && total > 0) {
                double x = spectrum[e] / (total * Math.sqrt(b[e]));
                for (int c = 0; c < k; c++) {
                    r[c] += v[c * channels + e] * x;
                }
            }
        }
        return r;
    }

    /** The clipped spectrum max(0, L r) of a point, per channel (unit sum when it has any positive part). */
    public static double[] spectrum(WeightedPcaModel pca, double[] point) {
        int channels = pca.channels();
        double[] l = pca.loadings();
        double[] s = new double[channels];
        double sum = 0;
        for (int e = 0; e < channels; e++) {
            double v = 0;
            for (int c = 0; c < point.length; c++) {
                v += l[c * channels + e] * point[c];
            }
            s[e] = Math.max(0, v);
            sum += s[e];
        }
        if (sum > 0) {
            for (int e = 0; e < channels; e++) {
                s[e] /= sum;
            }
        }
        return s;
    }

    /**
     * Channel weights d_e = b̄ / b_e (b̄ the mean over channels with counts; 0 where b_e = 0) when
     * Poisson-weighted, else 1.
     */
    public static double[] channelWeights(WeightedPcaModel pca, boolean poisson) {
        double[] b = pca.channelTotals();
        double[] d = new double[b.length];
        if (!poisson) {
            java.util.Arrays.fill(d, 1.0);
            return d;
        }
        double sum = 0;
        int kept = 0;
        for (double v : b) {
            if (v > 0) {
                sum += v;
                kept++;
            }
        }
        double mean = kept > 0 ? sum / kept : 0;
        for (int e = 0; e < b.length; e++) {
            d[e] = b[e] > 0 ? mean / b[e] : 0;
        }
        return d;
    }

    /**
     * The starting model: spectra {@code columns} (the {@code fixedCount} fixed ones first), each
     * scaled to unit sum without closure, or with closure to {@code pixelCounts} (the mean counts of
     * a pixel), so that abundances summing to 1 describe a typical pixel.
     */
    public static NmfModel model(List<double[]> columns, int fixedCount, double[] channelWeights,
            boolean pixelWeighted, boolean closure, double pixelCounts) {
        int k = columns.size();
        int channels = channelWeights.length;
        double[] s = new double[channels * k];
        boolean[] fixed = new boolean[k];
        for (int j = 0; j < k; j++) {
            double[] col = columns.get(j);
            double sum = 0;
            for (double v : col) {
                sum += v;
            }
            double scale = sum > 0 ? (closure ? pixelCounts : 1) / sum : 0;
            for (int e = 0; e < channels; e++) {
                s[e * k + j] = col[e] * scale;
            }
            fixed[j] = j < fixedCount;
        }
        return new NmfModel(s, k, channelWeights, pixelWeighted, closure, fixed);
    }
}
