package org.sicube.transforms.calibration;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * What {@link ReferenceShiftFit} needs of the reference alone, computed once per instance: the
 * spline as cubics in the sub-channel offset ({@link SplineSpectrum#polynomials}) and, for every
 * integer lag T ∈ [−maxShift, maxShift] and segment, the weighted sums of their products with each
 * other, with 1 and with the segment coordinate τ ∈ [−1, 1]. The normal matrix of the fit at any
 * shift T + f then follows in O(1) per segment, all segments at once in SIMD lanes
 * ({@link LinearFit4} solves it), and the integer-lag search needs per lag and segment only the
 * part of the data's correlation with u that the background columns do not explain. Per-segment
 * rows are padded to whole vectors ({@link #paddedSegments}).
 */
final class ShiftGram {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    /** Per lag: M00 M01 M02 M03 M11 M12 M13 M22 M23 M33, S0..S3, R0..R3, each a row over the segments. */
    private static final int SUMS = 18;

    /** {@code poly[p][j + maxShift − T]} is cubic p at window channel j for lag T. */
    final double[][] poly;
    /** Segment coordinate τ of each window channel. */
    final double[] tau;
    /** The data's correlations with the cubics. */
    final Correlation correlation;
    private final int maxShift;
    private final int segments;
    private final int padded;
    /** {@code sums[t][i · padded + k]}: sum i of segment k at lag index t. */
    private final double[][] sums;
    /** Per segment: the inverse of [[Σw, Σw·τ], [Σw·τ, Σw·τ²]] as i11, i1t, itt (NaN if singular). */
    private final double[] i11;
    private final double[] i1t;
    private final double[] itt;
    /**
     * Per segment k and lag index t ({@code [k · lags + t]}, lags = {@link Correlation#padded}, as
     * {@link Correlation#lags} writes): Σw·u, Σw·u·τ and 1 / (Σw·u² less its background part), the
     * last NaN where u is collinear with the background and at the padding lags, so that such lags
     * are never chosen.
     */
    private final double[] coarseU1;
    private final double[] coarseUt;
    private final double[] coarseInverse;

    ShiftGram(SplineSpectrum reference, int from, double[] weight, int[] starts, int maxShift) {
        int m = weight.length;
        this.maxShift = maxShift;
        segments = starts.length - 1;
        padded = paddedSegments(segments);
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
        i11 = new double[padded];
        i1t = new double[padded];
        itt = new double[padded];
        for (int k = 0; k < segments; k++) {
            double det = w0[k] * w2[k] - w1[k] * w1[k];
            boolean regular = w0[k] > 0 && det > 1e-12 * w0[k] * w2[k];
            i11[k] = regular ? w2[k] / det : Double.NaN;
            i1t[k] = regular ? -w1[k] / det : Double.NaN;
            itt[k] = regular ? w0[k] / det : Double.NaN;
        }
        int lags = 2 * maxShift + 1;
        sums = new double[lags][SUMS * padded];
        for (int t = 0; t < lags; t++) {
            int shift = 2 * maxShift - t; // poly index of window channel 0 at lag T = t − maxShift
            double[] s = sums[t];
            for (int k = 0; k < segments; k++) {
                double[] e = new double[SUMS];
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
                    e[0] += w0p * p0;
                    e[1] += w0p * p1;
                    e[2] += w0p * p2;
                    e[3] += w0p * p3;
                    e[4] += w1p * p1;
                    e[5] += w1p * p2;
                    e[6] += w1p * p3;
                    e[7] += w2p * p2;
                    e[8] += w2p * p3;
                    e[9] += w3p * p3;
                    e[10] += w0p;
                    e[11] += w1p;
                    e[12] += w2p;
                    e[13] += w3p;
                    e[14] += w0p * tau[j];
                    e[15] += w1p * tau[j];
                    e[16] += w2p * tau[j];
                    e[17] += w3p * tau[j];
                }
                for (int i = 0; i < SUMS; i++) {
                    s[i * padded + k] = e[i];
                }
            }
        }
        correlation = new Correlation(poly, 2 * maxShift);
        int stride = correlation.padded();
        coarseU1 = new double[segments * stride];
        coarseUt = new double[segments * stride];
        coarseInverse = new double[segments * stride];
        java.util.Arrays.fill(coarseInverse, Double.NaN);
        for (int t = 0; t < lags; t++) {
            double[] s = sums[t];
            for (int k = 0; k < segments; k++) {
                int at = k * stride + t;
                coarseU1[at] = s[10 * padded + k];
                coarseUt[at] = s[14 * padded + k];
                coarseInverse[at] = 1 / LinearFit4.backgroundFreeNorm(s[k], s[10 * padded + k], s[14 * padded + k],
                        i11[k], i1t[k], itt[k]);
            }
        }
    }

    /** Length of the per-segment rows: the segment count rounded up to whole vectors. */
    static int paddedSegments(int segments) {
        return (segments + LANES.length() - 1) / LANES.length() * LANES.length();
    }

    /** A solver for this reference's segments. */
    LinearFit4 newFit() {
        return new LinearFit4(segments, i11, i1t, itt);
    }

    /**
     * Fills the columns' sums of {@code fit} for every segment at shift T + f (u = r(· − T − f),
     * g = r′ there), from the data's correlations with the cubics at lag T ({@code z[p][k]}). With
     * φ = (1, f, f², f³), u = Σ_p φ_p·cubic p, and ψ = (0, −1, −2f, −3f²) gives g = r′ = −du/df.
     * (Three loops: one would be too large for the JIT to compile the vector operations whole.)
     */
    void fit(int lag, double f, double[][] z, LinearFit4 fit) {
        double[] s = sums[lag + maxShift];
        products(s, f, fit);
        withBackground(s, 10, f, fit.u1, fit.g1);
        withBackground(s, 14, f, fit.ut, fit.gt);
        withData(z, f, fit);
    }

    /** Σw·u², Σw·u·g, Σw·g² from the cubics' products M. */
    private void products(double[] s, double f, LinearFit4 fit) {
        double f2 = f * f;
        double f3 = f2 * f;
        for (int k = 0; k < padded; k += LANES.length()) {
            DoubleVector m00 = DoubleVector.fromArray(LANES, s, k);
            DoubleVector m01 = DoubleVector.fromArray(LANES, s, padded + k);
            DoubleVector m02 = DoubleVector.fromArray(LANES, s, 2 * padded + k);
            DoubleVector m03 = DoubleVector.fromArray(LANES, s, 3 * padded + k);
            DoubleVector m11 = DoubleVector.fromArray(LANES, s, 4 * padded + k);
            DoubleVector m12 = DoubleVector.fromArray(LANES, s, 5 * padded + k);
            DoubleVector m13 = DoubleVector.fromArray(LANES, s, 6 * padded + k);
            DoubleVector m22 = DoubleVector.fromArray(LANES, s, 7 * padded + k);
            DoubleVector m23 = DoubleVector.fromArray(LANES, s, 8 * padded + k);
            DoubleVector m33 = DoubleVector.fromArray(LANES, s, 9 * padded + k);
            DoubleVector mp0 = m00.add(m01.mul(f)).add(m02.mul(f2)).add(m03.mul(f3));
            DoubleVector mp1 = m01.add(m11.mul(f)).add(m12.mul(f2)).add(m13.mul(f3));
            DoubleVector mp2 = m02.add(m12.mul(f)).add(m22.mul(f2)).add(m23.mul(f3));
            DoubleVector mp3 = m03.add(m13.mul(f)).add(m23.mul(f2)).add(m33.mul(f3));
            DoubleVector mq1 = m11.add(m12.mul(2 * f)).add(m13.mul(3 * f2)).neg();
            DoubleVector mq2 = m12.add(m22.mul(2 * f)).add(m23.mul(3 * f2)).neg();
            DoubleVector mq3 = m13.add(m23.mul(2 * f)).add(m33.mul(3 * f2)).neg();
            mp0.add(mp1.mul(f)).add(mp2.mul(f2)).add(mp3.mul(f3)).intoArray(fit.uu, k);
            mp1.add(mp2.mul(2 * f)).add(mp3.mul(3 * f2)).neg().intoArray(fit.ug, k);
            mq1.add(mq2.mul(2 * f)).add(mq3.mul(3 * f2)).neg().intoArray(fit.gg, k);
        }
    }

    /** Σw·u·c and Σw·g·c for a background column c from its sums with the cubics, rows first … first + 3. */
    private void withBackground(double[] s, int first, double f, double[] u, double[] g) {
        double f2 = f * f;
        double f3 = f2 * f;
        for (int k = 0; k < padded; k += LANES.length()) {
            DoubleVector a0 = DoubleVector.fromArray(LANES, s, first * padded + k);
            DoubleVector a1 = DoubleVector.fromArray(LANES, s, (first + 1) * padded + k);
            DoubleVector a2 = DoubleVector.fromArray(LANES, s, (first + 2) * padded + k);
            DoubleVector a3 = DoubleVector.fromArray(LANES, s, (first + 3) * padded + k);
            a0.add(a1.mul(f)).add(a2.mul(f2)).add(a3.mul(f3)).intoArray(u, k);
            a1.add(a2.mul(2 * f)).add(a3.mul(3 * f2)).neg().intoArray(g, k);
        }
    }

    /** Σw·u·x and Σw·g·x from the data's correlations with the cubics. */
    private void withData(double[][] z, double f, LinearFit4 fit) {
        for (int k = 0; k < padded; k += LANES.length()) {
            DoubleVector z0 = DoubleVector.fromArray(LANES, z[0], k);
            DoubleVector z1 = DoubleVector.fromArray(LANES, z[1], k);
            DoubleVector z2 = DoubleVector.fromArray(LANES, z[2], k);
            DoubleVector z3 = DoubleVector.fromArray(LANES, z[3], k);
            z0.add(z1.add(z2.add(z3.mul(f)).mul(f)).mul(f)).intoArray(fit.bu, k);
            z1.add(z2.mul(2).add(z3.mul(3 * f)).mul(f)).neg().intoArray(fit.bg, k);
        }
    }

    /**
     * The integer lag T of least weighted χ² summed over the segments for the fits (u, 1, τ), from
     * Σw·u·x per segment and lag index ({@code bu}, as {@link Correlation#lags} writes it), Σw·x and
     * Σw·τ·x per segment; 0 when no lag can be fitted. Of χ² = Σw·x² − (background part) −
     * Σ_k ru_k² / ruu_k (ru: Σw·u·x less its background part) only the last sum depends on the lag,
     * so the lag with the largest last sum wins; it is summed in lanes over the lags.
     *
     * @param score work row of {@link Correlation#padded} values
     */
    int coarseLag(double[] bu, double[] x1, double[] xt, double[] score) {
        int stride = correlation.padded();
        for (int t = 0; t < stride; t += LANES.length()) {
            DoubleVector sum = DoubleVector.zero(LANES);
            for (int k = 0; k < segments; k++) {
                double px1 = i11[k] * x1[k] + i1t[k] * xt[k];
                double pxt = i1t[k] * x1[k] + itt[k] * xt[k];
                int at = k * stride + t;
                DoubleVector ru = DoubleVector.fromArray(LANES, bu, at)
                        .sub(DoubleVector.fromArray(LANES, coarseU1, at).mul(px1)
                                .add(DoubleVector.fromArray(LANES, coarseUt, at).mul(pxt)));
                sum = ru.mul(ru).fma(DoubleVector.fromArray(LANES, coarseInverse, at), sum);
            }
            sum.intoArray(score, t);
        }
        int best = maxShift;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int t = 0; t <= 2 * maxShift; t++) {
            if (score[t] > bestScore) {
                bestScore = score[t];
                best = t;
            }
        }
        return best - maxShift;
    }
}
