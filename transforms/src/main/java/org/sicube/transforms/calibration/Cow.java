package org.sicube.transforms.calibration;

import java.util.Arrays;

/**
 * Correlation-optimised warping (Nielsen, Carstensen &amp; Smedsgaard 1998, J. Chromatogr. A 805,
 * 17): the target's channels are cut into {@code N} segments of about {@code segmentLength}
 * channels (boundaries shared by neighbours); each matching sample segment may be up to
 * {@code slack} channels longer or shorter than nominal, is resampled linearly onto its target
 * segment, and the boundaries are chosen by dynamic programming to maximise the sum of the
 * segments' Pearson correlations with the target. First and last channels stay fixed. Output is
 * the warped sample on the target's channels. Spectra are {@code double[]} of the lengths given to
 * the constructor; one instance per thread; tables are allocated once.
 */
public final class Cow {

    private final int targetLength;
    private final int sampleLength;
    private final int slack;
    private final int[] targetBound;
    private final int[] sampleBound;
    private final double[][] score;
    private final int[][] from;
    private final int[] chosen;

    public Cow(int targetLength, int sampleLength, int segmentLength, int slack) {
        if (slack < 0 || segmentLength < slack + 2 || targetLength < segmentLength + 1) {
            throw new IllegalArgumentException("COW needs slack ≥ 0, segments ≥ slack + 2 and a target longer than"
                    + " one segment, got slack " + slack + ", segment " + segmentLength + ", target " + targetLength);
        }
        int segments = (targetLength - 1) / segmentLength;
        if (sampleLength - 1 < segments * 2 || Math.abs(sampleLength - targetLength) > slack * segments) {
            throw new IllegalArgumentException("sample of " + sampleLength + " channels cannot be warped onto "
                    + targetLength + " with " + segments + " segments of slack " + slack);
        }
        this.targetLength = targetLength;
        this.sampleLength = sampleLength;
        this.slack = slack;
        targetBound = new int[segments + 1];
        sampleBound = new int[segments + 1];
        for (int k = 0; k <= segments; k++) {
            targetBound[k] = (int) Math.round((double) k * (targetLength - 1) / segments);
            sampleBound[k] = (int) Math.round((double) k * (sampleLength - 1) / segments);
        }
        score = new double[segments + 1][sampleLength];
        from = new int[segments + 1][sampleLength];
        chosen = new int[segments + 1];
    }

    /**
     * Warps {@code sample} onto {@code target}'s channels into {@code warped}; returns the mean
     * segment correlation reached (−1 … 1).
     */
    public double warp(double[] sample, double[] target, double[] warped) {
        if (sample.length != sampleLength || target.length != targetLength || warped.length != targetLength) {
            throw new IllegalArgumentException("COW configured for sample " + sampleLength + " and target "
                    + targetLength + " channels, got " + sample.length + ", " + target.length + ", " + warped.length);
        }
        int segments = targetBound.length - 1;
        for (double[] row : score) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        score[0][0] = 0.0;
        for (int k = 1; k <= segments; k++) {
            int tLo = targetBound[k - 1];
            int tHi = targetBound[k];
            int nominal = sampleBound[k] - sampleBound[k - 1];
            int reach = slack * Math.min(k, segments - k);
            int lo = Math.max(1, sampleBound[k] - reach);
            int hi = Math.min(sampleLength - 1, sampleBound[k] + reach);
            for (int end = lo; end <= hi; end++) {
                double best = Double.NEGATIVE_INFINITY;
                int bestStart = -1;
                // u = 0, 1, −1, 2, … so that ties (flat, uncorrelated segments) keep the least warp.
                for (int v = 0; v <= 2 * slack; v++) {
                    int u = v % 2 == 0 ? v / 2 : -(v + 1) / 2;
                    int start = end - nominal - u;
                    if (start < 0 || start >= end || score[k - 1][start] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double s = score[k - 1][start] + correlation(sample, start, end, target, tLo, tHi);
                    if (s > best) {
                        best = s;
                        bestStart = start;
                    }
                }
                score[k][end] = best;
                from[k][end] = bestStart;
            }
        }
        chosen[segments] = sampleLength - 1;
        for (int k = segments; k > 0; k--) {
            chosen[k - 1] = from[k][chosen[k]];
        }
        for (int k = 1; k <= segments; k++) {
            resample(sample, chosen[k - 1], chosen[k], warped, targetBound[k - 1], targetBound[k]);
        }
        return score[segments][sampleLength - 1] / segments;
    }

    /** Sample channel boundaries of the last warp, one per target boundary ({@code N + 1} values). */
    public int[] sampleBoundaries() {
        return chosen.clone();
    }

    /**
     * Mean over the target's channels of |sample position − target position| (channels) of the
     * last warp, the sample position interpolated linearly between the segment boundaries.
     */
    public double meanAbsoluteWarp() {
        double sum = 0;
        for (int k = 1; k < targetBound.length; k++) {
            int tLo = targetBound[k - 1];
            int tHi = targetBound[k];
            double step = (double) (chosen[k] - chosen[k - 1]) / (tHi - tLo);
            for (int t = k == 1 ? tLo : tLo + 1; t <= tHi; t++) {
                sum += Math.abs(chosen[k - 1] + (t - tLo) * step - t);
            }
        }
        return sum / targetLength;
    }

    /** Pearson correlation of sample[start..end] resampled onto target[tLo..tHi]; 0 if either is flat. */
    private static double correlation(double[] sample, int start, int end, double[] target, int tLo, int tHi) {
        int n = tHi - tLo + 1;
        double step = (double) (end - start) / (tHi - tLo);
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int j = 0; j < n; j++) {
            double x = interpolate(sample, start + j * step, end);
            double y = target[tLo + j];
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        double cxx = sxx - sx * sx / n;
        double cyy = syy - sy * sy / n;
        double cxy = sxy - sx * sy / n;
        return cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : 0.0;
    }

    private static void resample(double[] sample, int start, int end, double[] out, int tLo, int tHi) {
        double step = (double) (end - start) / (tHi - tLo);
        for (int j = 0; j <= tHi - tLo; j++) {
            out[tLo + j] = interpolate(sample, start + j * step, end);
        }
    }

    private static double interpolate(double[] y, double position, int last) {
        int i = (int) Math.floor(position);
        if (i >= last) {
            return y[last];
        }
        double f = position - i;
        return y[i] + f * (y[i + 1] - y[i]);
    }
}
