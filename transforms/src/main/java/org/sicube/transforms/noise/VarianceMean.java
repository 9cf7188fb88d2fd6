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
        return fitWithErrors(means, variances, pairCounts).noise();
    }

    /**
     * As {@link #fit(double[], double[], long[])}, with standard errors from the weighted normal
     * equations scaled by the reduced χ² when it exceeds 1 (Poisson variances scatter more than
     * the Gaussian sampling weights assume at low counts, and a slightly curved response shows there).
     */
    public static VarianceMeanFit fitWithErrors(double[] means, double[] variances, long[] pairCounts) {
        if (means.length != variances.length || means.length != pairCounts.length) {
            throw new IllegalArgumentException("means, variances and counts differ in length: " + means.length
                    + ", " + variances.length + ", " + pairCounts.length);
        }
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        int used = 0;
        for (int b = 0; b < means.length; b++) {
            if (usable(means[b], variances[b], pairCounts[b])) {
                double v = variances[b];
                double w = weight(v, pairCounts[b]);
                double m = means[b];
                sw += w;
                sx += w * m;
                sy += w * v;
                sxx += w * m * m;
                sxy += w * m * v;
                used++;
            }
        }
        double det = sw * sxx - sx * sx;
        if (used < 2 || !(det > 0)) {
            throw new IllegalArgumentException("a variance–mean fit needs at least two bins with distinct means, got "
                    + used);
        }
        double gain = (sw * sxy - sx * sy) / det;
        double read = (sy - gain * sx) / sw;
        double chi2 = 0;
        for (int b = 0; b < means.length; b++) {
            if (usable(means[b], variances[b], pairCounts[b])) {
                double r = variances[b] - (gain * means[b] + read);
                chi2 += weight(variances[b], pairCounts[b]) * r * r;
            }
        }
        double reduced = used > 2 ? chi2 / (used - 2) : Double.NaN;
        double scale = used > 2 ? Math.max(1, reduced) : 1;
        return new VarianceMeanFit(new DetectorNoise(gain, read), Math.sqrt(scale * sw / det),
                Math.sqrt(scale * sxx / det), used, reduced);
    }

    private static boolean usable(double mean, double variance, long pairs) {
        return pairs >= 2 && variance > 0 && Double.isFinite(mean);
    }

    /** Inverse sampling variance of a variance estimate from n samples (Gaussian approximation). */
    private static double weight(double variance, long n) {
        return (n - 1) / (2.0 * variance * variance);
    }

    /** Fits the pairs collected by {@code differences}, keeping bins with at least {@code minPairs} pairs. */
    public static DetectorNoise fit(NeighbourDifferences differences, long minPairs) {
        return fitWithErrors(differences, minPairs).noise();
    }

    /** As {@link #fit(NeighbourDifferences, long)}, with standard errors. */
    public static VarianceMeanFit fitWithErrors(NeighbourDifferences differences, long minPairs) {
        int bins = differences.bins();
        double[] m = new double[bins];
        double[] v = new double[bins];
        long[] n = new long[bins];
        for (int b = 0; b < bins; b++) {
            n[b] = differences.pairs(b) >= minPairs ? differences.pairs(b) : 0;
            m[b] = differences.mean(b);
            v[b] = differences.variance(b);
        }
        return fitWithErrors(m, v, n);
    }
}
