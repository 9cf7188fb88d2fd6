package org.sicube.transforms.calibration;

/**
 * Weighted linear least squares {@code x ≈ c·u + a + b·τ + d·g} of one segment from its sums
 * (Σw·col·col′ and Σw·col·x): the background columns 1 and τ, whose 2×2 block is fixed per segment,
 * are projected out in closed form (Schur complement), leaving a 2×2 system for (c, d). Also gives
 * the information about d (1 / its variance per unit weighted noise: the Schur complement of the
 * g column) and the residual χ² from Σw·x². Columns count as collinear (the fit fails) when
 * projecting out the others leaves less than 1e-12 of a column's weighted norm. The step of
 * {@link ReferenceShiftFit}; reusable, allocates nothing per call.
 */
final class LinearFit4 {
    private static final double COLLINEAR = 1e-12;

    private double c;
    private double d;
    private double chi2;
    private double information;

    /**
     * Fits; false when the columns are collinear or the result is not finite.
     *
     * @param uu Σw·u², ug Σw·u·g, gg Σw·g², u1 Σw·u, ut Σw·u·τ, g1 Σw·g, gt Σw·g·τ
     * @param bu Σw·u·x, bg Σw·g·x, x1 Σw·x, xt Σw·τ·x, xx Σw·x²
     * @param background the inverse of [[Σw, Σw·τ], [Σw·τ, Σw·τ²]] as {i11, i1t, itt}
     */
    boolean solve(double uu, double ug, double gg, double u1, double ut, double g1, double gt, double bu, double bg,
            double x1, double xt, double xx, double[] background, int at) {
        double i11 = background[at];
        double i1t = background[at + 1];
        double itt = background[at + 2];
        double pu1 = i11 * u1 + i1t * ut;
        double put = i1t * u1 + itt * ut;
        double pg1 = i11 * g1 + i1t * gt;
        double pgt = i1t * g1 + itt * gt;
        double px1 = i11 * x1 + i1t * xt;
        double pxt = i1t * x1 + itt * xt;
        double ruu = uu - (u1 * pu1 + ut * put);
        double rug = ug - (g1 * pu1 + gt * put);
        double rgg = gg - (g1 * pg1 + gt * pgt);
        double ru = bu - (u1 * px1 + ut * pxt);
        double rg = bg - (g1 * px1 + gt * pxt);
        if (!(ruu > COLLINEAR * uu)) {
            return false;
        }
        information = rgg - rug * rug / ruu;
        if (!(information > COLLINEAR * gg)) {
            return false;
        }
        d = (rg - rug / ruu * ru) / information;
        c = (ru - rug * d) / ruu;
        double residual = xx - (x1 * px1 + xt * pxt) - (c * ru + d * rg);
        // Rounding can make the residual of a near-perfect fit dip below 0.
        chi2 = Math.max(0.0, residual);
        return Double.isFinite(residual);
    }

    /**
     * Σw·x² minus the χ² of the fit without the g column (c·u + a + b·τ): how much of the data the
     * fit explains; −∞ when u is collinear with the background.
     */
    static double explainedWithoutSlope(double uu, double u1, double ut, double bu, double x1, double xt,
            double[] background, int at) {
        double i11 = background[at];
        double i1t = background[at + 1];
        double itt = background[at + 2];
        double pu1 = i11 * u1 + i1t * ut;
        double put = i1t * u1 + itt * ut;
        double ruu = uu - (u1 * pu1 + ut * put);
        if (!(ruu > COLLINEAR * uu)) {
            return Double.NEGATIVE_INFINITY;
        }
        double px1 = i11 * x1 + i1t * xt;
        double pxt = i1t * x1 + itt * xt;
        double ru = bu - (u1 * px1 + ut * pxt);
        return x1 * px1 + xt * pxt + ru * ru / ruu;
    }

    /** Coefficient of u. */
    double c() {
        return c;
    }

    /** Coefficient of g. */
    double d() {
        return d;
    }

    /** Information about d: 1 / its variance for unit weighted noise. */
    double information() {
        return information;
    }

    /** Weighted residual sum of squares of the last fit. */
    double chi2() {
        return chi2;
    }
}
