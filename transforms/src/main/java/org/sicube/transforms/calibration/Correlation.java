package org.sicube.transforms.calibration;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loops of {@link ReferenceShiftFit}: sums of {@code y[j]·r[j + shift]} over a segment
 * {@code j ∈ [j0, j1)} of the window, in SIMD lanes. The integer-lag search needs every lag: there
 * the lanes run over the lags (the reference stored reversed, so that the lags of one j are
 * contiguous), which needs no horizontal sum. The cubics' sums at one lag run their lanes over j.
 * One instance per {@link ShiftGram}, so per thread (it has a work row).
 */
final class Correlation {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    /** Lags per pass over a segment: three vectors of accumulators. */
    static final int GROUP = 3 * LANES.length();
    /** Classes of channels (j mod lanes) taken together by {@link #classes}. */
    private static final int CLASSES = 4;

    private final int maxLag;
    private final int padded;
    /** Index in {@link #reversed} of r[0]: {@code reversed[top − q] = r[q]}; zeros past r's start. */
    private final int top;
    private final double[] reversed;
    private final double[] p1;
    private final double[] p2;
    private final double[] p3;
    /** The three vectors of sums of {@link #classes}. */
    private final double[] work = new double[GROUP];

    /**
     * @param poly   the cubics of {@link ShiftGram#poly}; {@code poly[0]} is the reference r
     * @param maxLag the largest shift; lags are 0 … maxLag
     */
    Correlation(double[][] poly, int maxLag) {
        this.maxLag = maxLag;
        padded = (maxLag + GROUP) / GROUP * GROUP;
        double[] r = poly[0];
        top = r.length - 1;
        // The padding lags (maxLag, padded) read r below index 0: zeros.
        reversed = new double[r.length + padded - maxLag - 1];
        for (int q = 0; q < r.length; q++) {
            reversed[top - q] = r[q];
        }
        p1 = poly[1];
        p2 = poly[2];
        p3 = poly[3];
    }

    /** Lags per segment in the output of {@link #lags}: maxLag + 1 rounded up to whole passes. */
    int padded() {
        return padded;
    }

    /**
     * For every lag index t ∈ [0, maxLag]: {@code out[at + t] = Σ_j y[j]·r[j + maxLag − t]}; the
     * entries up to {@code at + padded()} are overwritten with sums of no meaning.
     */
    void lags(double[] y, int j0, int j1, double[] out, int at) {
        int n = LANES.length();
        // Rows of n channels, each taken by n classes j ≡ j0 + c (mod n); the rest channel by channel.
        int rows = n % CLASSES == 0 ? (j1 - j0) / n : 0;
        for (int t = 0; t < padded; t += GROUP) {
            // r[j + maxLag − t'] for t' = t, t + 1, … is reversed[top − j − maxLag + t'], ascending.
            int base = top - maxLag + t;
            DoubleVector s0 = DoubleVector.zero(LANES);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            for (int c = 0; c < n && rows > 0; c += CLASSES) {
                int i = base - j0 - c;
                double[] sums = classes(y, j0 + c, rows, i);
                s0 = s0.add(DoubleVector.fromArray(LANES, sums, 0));
                s1 = s1.add(DoubleVector.fromArray(LANES, sums, n));
                s2 = s2.add(DoubleVector.fromArray(LANES, sums, 2 * n));
            }
            for (int j = j0 + rows * n; j < j1; j++) {
                DoubleVector u = DoubleVector.broadcast(LANES, y[j]);
                int i = base - j;
                s0 = u.fma(DoubleVector.fromArray(LANES, reversed, i), s0);
                s1 = u.fma(DoubleVector.fromArray(LANES, reversed, i + n), s1);
                s2 = u.fma(DoubleVector.fromArray(LANES, reversed, i + 2 * n), s2);
            }
            s0.intoArray(out, at + t);
            s1.intoArray(out, at + t + n);
            s2.intoArray(out, at + t + 2 * n);
        }
    }

    /**
     * One group of lags over {@value #CLASSES} classes of channels j = j + c + s·n (c below
     * {@value #CLASSES}, s below rows), into {@link #work}. Going from s to s + 1 moves the
     * reversed reference by exactly one vector, so two of the group's three vectors are the ones
     * of the step before: one load per channel instead of three (the loads, mostly across cache
     * lines, are what limits this loop). Four classes keep twelve independent accumulators.
     */
    private double[] classes(double[] y, int j, int rows, int i) {
        int n = LANES.length();
        DoubleVector a1 = DoubleVector.fromArray(LANES, reversed, i + n);
        DoubleVector a2 = DoubleVector.fromArray(LANES, reversed, i + 2 * n);
        DoubleVector b1 = DoubleVector.fromArray(LANES, reversed, i - 1 + n);
        DoubleVector b2 = DoubleVector.fromArray(LANES, reversed, i - 1 + 2 * n);
        DoubleVector c1 = DoubleVector.fromArray(LANES, reversed, i - 2 + n);
        DoubleVector c2 = DoubleVector.fromArray(LANES, reversed, i - 2 + 2 * n);
        DoubleVector d1 = DoubleVector.fromArray(LANES, reversed, i - 3 + n);
        DoubleVector d2 = DoubleVector.fromArray(LANES, reversed, i - 3 + 2 * n);
        DoubleVector zero = DoubleVector.zero(LANES);
        DoubleVector sa0 = zero, sa1 = zero, sa2 = zero;
        DoubleVector sb0 = zero, sb1 = zero, sb2 = zero;
        DoubleVector sc0 = zero, sc1 = zero, sc2 = zero;
        DoubleVector sd0 = zero, sd1 = zero, sd2 = zero;
        for (int s = 0; s < rows; s++, j += n, i -= n) {
            DoubleVector a0 = DoubleVector.fromArray(LANES, reversed, i);
            DoubleVector b0 = DoubleVector.fromArray(LANES, reversed, i - 1);
            DoubleVector c0 = DoubleVector.fromArray(LANES, reversed, i - 2);
            DoubleVector d0 = DoubleVector.fromArray(LANES, reversed, i - 3);
            DoubleVector ya = DoubleVector.broadcast(LANES, y[j]);
            DoubleVector yb = DoubleVector.broadcast(LANES, y[j + 1]);
            DoubleVector yc = DoubleVector.broadcast(LANES, y[j + 2]);
            DoubleVector yd = DoubleVector.broadcast(LANES, y[j + 3]);
            sa0 = ya.fma(a0, sa0);
            sa1 = ya.fma(a1, sa1);
            sa2 = ya.fma(a2, sa2);
            sb0 = yb.fma(b0, sb0);
            sb1 = yb.fma(b1, sb1);
            sb2 = yb.fma(b2, sb2);
            sc0 = yc.fma(c0, sc0);
            sc1 = yc.fma(c1, sc1);
            sc2 = yc.fma(c2, sc2);
            sd0 = yd.fma(d0, sd0);
            sd1 = yd.fma(d1, sd1);
            sd2 = yd.fma(d2, sd2);
            a2 = a1;
            a1 = a0;
            b2 = b1;
            b1 = b0;
            c2 = c1;
            c1 = c0;
            d2 = d1;
            d1 = d0;
        }
        sa0.add(sb0).add(sc0.add(sd0)).intoArray(work, 0);
        sa1.add(sb1).add(sc1.add(sd1)).intoArray(work, n);
        sa2.add(sb2).add(sc2.add(sd2)).intoArray(work, 2 * n);
        return work;
    }

    /** {@code z[1][k] = Σ_j y[j]·poly[1][j + shift]}: all a step at a whole lag (f = 0) needs beyond p = 0. */
    void slope(double[] y, int j0, int j1, int shift, double[][] z, int k) {
        int n = LANES.length();
        DoubleVector a = DoubleVector.zero(LANES);
        DoubleVector b = a;
        int j = j0;
        for (; j + 2 * n <= j1; j += 2 * n) {
            int i = j + shift;
            a = DoubleVector.fromArray(LANES, y, j).fma(DoubleVector.fromArray(LANES, p1, i), a);
            b = DoubleVector.fromArray(LANES, y, j + n).fma(DoubleVector.fromArray(LANES, p1, i + n), b);
        }
        if (j + n <= j1) {
            a = DoubleVector.fromArray(LANES, y, j).fma(DoubleVector.fromArray(LANES, p1, j + shift), a);
            j += n;
        }
        double s = a.add(b).reduceLanes(VectorOperators.ADD);
        for (; j < j1; j++) {
            s += y[j] * p1[j + shift];
        }
        z[1][k] = s;
    }

    /**
     * {@code z[p][k] = Σ_j y[j]·poly[p][j + shift]} for p = 2, 3; two vectors of j per step into
     * separate accumulators, so that the dependency chains are half as long.
     */
    void curvature(double[] y, int j0, int j1, int shift, double[][] z, int k) {
        int n = LANES.length();
        DoubleVector a2 = DoubleVector.zero(LANES);
        DoubleVector a3 = a2;
        DoubleVector b2 = a2;
        DoubleVector b3 = a2;
        int j = j0;
        for (; j + 2 * n <= j1; j += 2 * n) {
            DoubleVector u = DoubleVector.fromArray(LANES, y, j);
            DoubleVector v = DoubleVector.fromArray(LANES, y, j + n);
            int i = j + shift;
            a2 = u.fma(DoubleVector.fromArray(LANES, p2, i), a2);
            a3 = u.fma(DoubleVector.fromArray(LANES, p3, i), a3);
            b2 = v.fma(DoubleVector.fromArray(LANES, p2, i + n), b2);
            b3 = v.fma(DoubleVector.fromArray(LANES, p3, i + n), b3);
        }
        if (j + n <= j1) {
            DoubleVector u = DoubleVector.fromArray(LANES, y, j);
            int i = j + shift;
            a2 = u.fma(DoubleVector.fromArray(LANES, p2, i), a2);
            a3 = u.fma(DoubleVector.fromArray(LANES, p3, i), a3);
            j += n;
        }
        double s2 = a2.add(b2).reduceLanes(VectorOperators.ADD);
        double s3 = a3.add(b3).reduceLanes(VectorOperators.ADD);
        for (; j < j1; j++) {
            double v = y[j];
            int i = j + shift;
            s2 += v * p2[i];
            s3 += v * p3[i];
        }
        z[2][k] = s2;
        z[3][k] = s3;
    }
}
