package org.sicube.transforms.noise;

/**
 * Variance–mean (photon-transfer) calibration of a detector (Janesick, "Photon Transfer", SPIE 2007):
 * a weighted least-squares line through pairs (mean, variance) gives slope = gain g and
 * intercept = read variance σr². Each pair is weighted by the inverse sampling variance of a
 * variance estimate, {@code (n − 1) / (2 · variance²)}, so that the well-measured low-mean points
 * fix the intercept and no bright bin dominates.
 */
public final class VarianceMean {

    private VarianceMean() {
    }

    /**
     * Fits the line through {@code (means[b], variances[b])} with {@code pairCounts[b]} samples
     * behind each variance; bins with fewer than 2 samples or a non-positive variance are skipped.
     */
    public static DetectorNoise fit(double[] means, double[] variances, long[] pairCounts) {
        if (means.length != variances.length || means.length != pairCounts.length) {
            throw new IllegalArgumentException("means, variances and counts differ in length: " + means.length
                    + ", " + variances.length + ", " + pairCounts.length);
        }
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        int used = 0;
        for (int b = 0; b < means.length; b++) {
            double v = variances[b];
            if (pairCounts[b] < 2 || !(v > 0) || !Double.isFinite(means[b])) {
                continue;
            }
            double w = (pairCounts[b] - 1) / (2.0 * v * v);
            double m = means[b];
            sw += w;
            sx += w * m;
            sy += w * v;
            sxx += w * m * m;
            sxy += w * m * v;
            used++;
        }
        double det = sw * sxx - sx * sx;
        if (used < 2 || !(det > 0)) {
            throw new IllegalArgumentException("a variance–mean fit needs at least two bins with distinct means, got "
                    + used);
        }
        double gain = (sw * sxy - sx * sy) / det;
        return new DetectorNoise(gain, (sy - gain * sx) / sw);
    }

    /** Fits the pairs collected by {@code differences}, keeping bins with at least {@code minPairs} pairs. */
    public static DetectorNoise fit(NeighbourDifferences differences, long minPairs) {
        int bins = differences.bins();
        double[] m = new double[bins];
        double[] v = new double[bins];
        long[] n = new long[bins];
        for (int b = 0; b < bins; b++) {
            n[b] = differences.pairs(b) >= minPairs ? differences.pairs(b) : 0;
            m[b] = differences.mean(b);
            v[b] = differences.variance(b);
        }
        return fit(m, v, n);
    }
}
