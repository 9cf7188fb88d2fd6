package org.sicube.transforms.calibration;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Weighted linear least squares {@code x ≈ c·u + a + b·τ + d·g} of every segment from its sums
 * (Σw·col·col′ and Σw·col·x), the segments in SIMD lanes: the background columns 1 and τ, whose
 * 2×2 block is fixed per segment, are projected out in closed form (Schur complement), leaving a
 * 2×2 system for (c, d). Also gives the information about d (1 / its variance per unit weighted
 * noise: the Schur complement of the g column) and the residual χ² from Σw·x². Columns count as
 * collinear (the fit fails) when projecting out the others leaves less than 1e-12 of a column's
 * weighted norm. The step of {@link ReferenceShiftFit}: segment k alone would step −d/c with
 * information c²·I_d, so the segments are combined by that weight. Reusable, allocates nothing
 * per call.
 */
final class LinearFit4 {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    private static final double COLLINEAR = 1e-12;

    /**
     * Per segment, set before {@link #solve} ({@link ShiftGram#fit}): Σw·u², Σw·u·g, Σw·g², Σw·u,
     * Σw·u·τ, Σw·g, Σw·g·τ, Σw·u·x, Σw·g·x; rows of {@link ShiftGram#paddedSegments} values.
     */
    final double[] uu;
    final double[] ug;
    final double[] gg;
    final double[] u1;
    final double[] ut;
    final double[] g1;
    final double[] gt;
    final double[] bu;
    final double[] bg;
    private final int segments;
    /** Per segment: the inverse of [[Σw, Σw·τ], [Σw·τ, Σw·τ²]]. */
    private final double[] i11;
    private final double[] i1t;
    private final double[] itt;
    private double weightedStep;
    private double information;
    private double chi2;

    LinearFit4(int segments, double[] i11, double[] i1t, double[] itt) {
        int n = ShiftGram.paddedSegments(segments);
        this.segments = segments;
        this.i11 = i11;
        this.i1t = i1t;
        this.itt = itt;
        uu = new double[n];
        ug = new double[n];
        gg = new double[n];
        u1 = new double[n];
        ut = new double[n];
        g1 = new double[n];
        gt = new double[n];
        bu = new double[n];
        bg = new double[n];
    }

    /**
     * Fits every segment, given its Σw·x, Σw·τ·x and Σw·x²; false when in some segment the
     * columns are collinear or the result is not finite.
     */
    boolean solve(double[] x1, double[] xt, double[] xx) {
        DoubleVector step = DoubleVector.zero(LANES);
        DoubleVector info = step;
        DoubleVector chi = step;
        for (int k = 0; k < segments; k += LANES.length()) {
            VectorMask<Double> real = LANES.indexInRange(k, segments);
            DoubleVector a11 = DoubleVector.fromArray(LANES, i11, k);
            DoubleVector a1t = DoubleVector.fromArray(LANES, i1t, k);
            DoubleVector att = DoubleVector.fromArray(LANES, itt, k);
            DoubleVector vu1 = DoubleVector.fromArray(LANES, u1, k);
            DoubleVector vut = DoubleVector.fromArray(LANES, ut, k);
            DoubleVector vg1 = DoubleVector.fromArray(LANES, g1, k);
            DoubleVector vgt = DoubleVector.fromArray(LANES, gt, k);
            DoubleVector vx1 = DoubleVector.fromArray(LANES, x1, k);
            DoubleVector vxt = DoubleVector.fromArray(LANES, xt, k);
            DoubleVector vuu = DoubleVector.fromArray(LANES, uu, k);
            DoubleVector vgg = DoubleVector.fromArray(LANES, gg, k);
            DoubleVector pu1 = a11.mul(vu1).add(a1t.mul(vut));
            DoubleVector put = a1t.mul(vu1).add(att.mul(vut));
            DoubleVector pg1 = a11.mul(vg1).add(a1t.mul(vgt));
            DoubleVector pgt = a1t.mul(vg1).add(att.mul(vgt));
            DoubleVector px1 = a11.mul(vx1).add(a1t.mul(vxt));
            DoubleVector pxt = a1t.mul(vx1).add(att.mul(vxt));
            DoubleVector ruu = vuu.sub(vu1.mul(pu1).add(vut.mul(put)));
            DoubleVector rug = DoubleVector.fromArray(LANES, ug, k).sub(vg1.mul(pu1).add(vgt.mul(put)));
            DoubleVector rgg = vgg.sub(vg1.mul(pg1).add(vgt.mul(pgt)));
            DoubleVector ru = DoubleVector.fromArray(LANES, bu, k).sub(vu1.mul(px1).add(vut.mul(pxt)));
            DoubleVector rg = DoubleVector.fromArray(LANES, bg, k).sub(vg1.mul(px1).add(vgt.mul(pxt)));
            DoubleVector i = rgg.sub(rug.mul(rug).div(ruu));
            DoubleVector d = rg.sub(rug.div(ruu).mul(ru)).div(i);
            DoubleVector c = ru.sub(rug.mul(d)).div(ruu);
            DoubleVector residual = DoubleVector.fromArray(LANES, xx, k).sub(vx1.mul(px1).add(vxt.mul(pxt)))
                    .sub(c.mul(ru).add(d.mul(rg)));
            VectorMask<Double> fitted = ruu.compare(VectorOperators.GT, vuu.mul(COLLINEAR))
                    .and(i.compare(VectorOperators.GT, vgg.mul(COLLINEAR)))
                    .and(residual.test(VectorOperators.IS_FINITE));
            if (fitted.not().and(real).anyTrue()) {
                return false;
            }
            DoubleVector none = DoubleVector.zero(LANES);
            step = step.sub(none.blend(c.mul(d).mul(i), real));
            info = info.add(none.blend(c.mul(c).mul(i), real));
            // Rounding can make the residual of a near-perfect fit dip below 0.
            chi = chi.add(none.blend(residual.max(0.0), real));
        }
        weightedStep = step.reduceLanes(VectorOperators.ADD);
        information = info.reduceLanes(VectorOperators.ADD);
        chi2 = chi.reduceLanes(VectorOperators.ADD);
        return true;
    }

    /**
     * Σw·u² less its part explained by the background columns (the Schur complement of u), the
     * denominator of the fit without the g column (c·u + a + b·τ); NaN when u is collinear with
     * the background. i11, i1t, itt: the inverse of the background block.
     */
    static double backgroundFreeNorm(double uu, double u1, double ut, double i11, double i1t, double itt) {
        double pu1 = i11 * u1 + i1t * ut;
        double put = i1t * u1 + itt * ut;
        double ruu = uu - (u1 * pu1 + ut * put);
        return ruu > COLLINEAR * uu ? ruu : Double.NaN;
    }

    /** Σ_k −c_k·d_k·I_k over the segments: the information-weighted sum of their steps −d/c. */
    double weightedStep() {
        return weightedStep;
    }

    /** Σ_k c_k²·I_k, I_k the information about d_k (1 / its variance for unit weighted noise). */
    double information() {
        return information;
    }

    /** Weighted residual sum of squares of the last fits, over all segments. */
    double chi2() {
        return chi2;
    }
}
