package org.sicube.transforms.calibration;

/**
 * What {@link ReferenceShiftFit} needs of the reference alone, computed once per instance: the
 * spline as cubics in the sub-channel offset ({@link SplineSpectrum#polynomials}) and, for every
 * integer lag T ∈ [−maxShift, maxShift] and segment, the weighted sums of their products with each
 * other, with 1 and with the segment coordinate τ ∈ [−1, 1]. The normal matrix of the fit at any
 * shift T + f then follows in O(1) per segment ({@link LinearFit4} solves it).
 */
final class ShiftGram {
    /** Per lag and segment: M00 M01 M02 M03 M11 M12 M13 M22 M23 M33, S0..S3, R0..R3. */
    private static final int STRIDE = 18;

    /** {@code poly[p][j + maxShift − T]} is cubic p at window channel j for lag T. */
    final double[][] poly;
    /** Segment coordinate τ of each window channel. */
    final double[] tau;
    private final int maxShift;
    private final int segments;
    private final double[][] sums;
    /** Per segment: the inverse of [[Σw, Σw·τ], [Σw·τ, Σw·τ²]] as {i11, i1t, itt} (NaN if singular). */
    private final double[] background;

    ShiftGram(SplineSpectrum reference, int from, double[] weight, int[] starts, int maxShift) {
        int m = weight.length;
        this.maxShift = maxShift;
        segments = starts.length - 1;
        poly = reference.polynomials(from - maxShift, from + m + maxShift);
        tau = new double[m];
        double[] w0 = new double[segments];
        double[] w1 = new double[segments];
        double[] w2 = new double[segments];
        for (int k = 0; k < segments; k++) {
            int len = starts[k + 1] - starts[k];
            double centre = starts[k] + 0.5 * (len - 1);
            for (int j = starts[k]; j < starts[k + 1]; j++) {
                tau[j] = (j - centre) / (0.5 * len);
                w0[k] += weight[j];
                w1[k] += weight[j] * tau[j];
                w2[k] += weight[j] * tau[j] * tau[j];
            }
        }
        background = new double[3 * segments];
        for (int k = 0; k < segments; k++) {
            double det = w0[k] * w2[k] - w1[k] * w1[k];
            boolean regular = w0[k] > 0 && det > 1e-12 * w0[k] * w2[k];
            background[3 * k] = regular ? w2[k] / det : Double.NaN;
            background[3 * k + 1] = regular ? -w1[k] / det : Double.NaN;
            background[3 * k + 2] = regular ? w0[k] / det : Double.NaN;
        }
        int lags = 2 * maxShift + 1;
        sums = new double[lags][segments * STRIDE];
        for (int t = 0; t < lags; t++) {
            int shift = 2 * maxShift - t; // poly index of window channel 0 at lag T = t − maxShift
            for (int k = 0; k < segments; k++) {
                double[] s = sums[t];
                int o = k * STRIDE;
                for (int j = starts[k]; j < starts[k + 1]; j++) {
                    double w = weight[j];
                    int q = j + shift;
                    double p0 = poly[0][q];
                    double p1 = poly[1][q];
                    double p2 = poly[2][q];
                    double p3 = poly[3][q];
                    double w0p = w * p0;
                    double w1p = w * p1;
                    double w2p = w * p2;
                    double w3p = w * p3;
                    s[o] += w0p * p0;
                    s[o + 1] += w0p * p1;
                    s[o + 2] += w0p * p2;
                    s[o + 3] += w0p * p3;
                    s[o + 4] += w1p * p1;
                    s[o + 5] += w1p * p2;
                    s[o + 6] += w1p * p3;
                    s[o + 7] += w2p * p2;
                    s[o + 8] += w2p * p3;
                    s[o + 9] += w3p * p3;
                    s[o + 10] += w0p;
                    s[o + 11] += w1p;
                    s[o + 12] += w2p;
                    s[o + 13] += w3p;
                    s[o + 14] += w0p * tau[j];
                    s[o + 15] += w1p * tau[j];
                    s[o + 16] += w2p * tau[j];
                    s[o + 17] += w3p * tau[j];
                }
            }
        }
    }

    /**
     * The fit of segment k at shift T + f (u = r(· − T − f), g = r′ there) from the data sums
     * Σw·u·x and Σw·g·x (from the cubics' correlations), Σw·x, Σw·τ·x and Σw·x²; false when singular.
     */
    boolean fit(int lag, int k, double f, double bu, double bg, double x1, double xt, double xx, LinearFit4 fit) {
        double[] s = sums[lag + maxShift];
        int o = k * STRIDE;
        double f2 = f * f;
        double f3 = f2 * f;
        // φ = (1, f, f², f³) gives u, ψ = (0, −1, −2f, −3f²) gives g = r′ = −du/df.
        double m00 = s[o], m01 = s[o + 1], m02 = s[o + 2], m03 = s[o + 3];
        double m11 = s[o + 4], m12 = s[o + 5], m13 = s[o + 6], m22 = s[o + 7], m23 = s[o + 8], m33 = s[o + 9];
        double mp0 = m00 + f * m01 + f2 * m02 + f3 * m03;
        double mp1 = m01 + f * m11 + f2 * m12 + f3 * m13;
        double mp2 = m02 + f * m12 + f2 * m22 + f3 * m23;
        double mp3 = m03 + f * m13 + f2 * m23 + f3 * m33;
        double mq1 = -(m11 + 2 * f * m12 + 3 * f2 * m13);
        double mq2 = -(m12 + 2 * f * m22 + 3 * f2 * m23);
        double mq3 = -(m13 + 2 * f * m23 + 3 * f2 * m33);
        double uu = mp0 + f * mp1 + f2 * mp2 + f3 * mp3;
        double ug = -(mp1 + 2 * f * mp2 + 3 * f2 * mp3);
        double gg = -(mq1 + 2 * f * mq2 + 3 * f2 * mq3);
        double u1 = s[o + 10] + f * s[o + 11] + f2 * s[o + 12] + f3 * s[o + 13];
        double g1 = -(s[o + 11] + 2 * f * s[o + 12] + 3 * f2 * s[o + 13]);
        double ut = s[o + 14] + f * s[o + 15] + f2 * s[o + 16] + f3 * s[o + 17];
        double gt = -(s[o + 15] + 2 * f * s[o + 16] + 3 * f2 * s[o + 17]);
        return fit.solve(uu, ug, gg, u1, ut, g1, gt, bu, bg, x1, xt, xx, background, 3 * k);
    }

    /**
     * Σw·x² minus the χ² of the (u, 1, τ) fit at integer lag T in segment k (larger is better),
     * from Σw·u·x, Σw·x and Σw·τ·x; −∞ where the fit is singular.
     */
    double coarseExplained(int lag, int k, double bu, double x1, double xt) {
        double[] s = sums[lag + maxShift];
        int o = k * STRIDE;
        return LinearFit4.explainedWithoutSlope(s[o], s[o + 10], s[o + 14], bu, x1, xt, background, 3 * k);
    }
}
