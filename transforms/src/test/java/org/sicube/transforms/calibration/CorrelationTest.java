package org.sicube.transforms.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The correlation sums in SIMD lanes against plain scalar sums on random data. Segments of every
 * length from 1 to 40 (and longer ones) starting at every offset up to 9 exercise the rows of
 * lanes and the channels left over; lag counts from 3 to 48 exercise one and several passes and
 * the padding lags. Only the order of summation (and fused multiply-adds) differ, so the sums must
 * agree to 1e-12 of Σ|y·r| (the rounding of a few hundred terms is below 1e-13 of it).
 */
class CorrelationTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void lagsMatchScalarSums() {
        Random rng = new Random(11);
        for (int maxLag : new int[] {2, 7, 20, 23, 47}) {
            for (int length : lengths()) {
                for (int j0 = 0; j0 < 10; j0 += 3) {
                    int m = j0 + length + 5;
                    double[][] poly = poly(rng, m + maxLag);
                    double[] y = random(rng, m);
                    Correlation c = new Correlation(poly, maxLag);
                    double[] out = new double[3 + c.padded()];
                    c.lags(y, j0, j0 + length, out, 3);
                    for (int t = 0; t <= maxLag; t++) {
                        double want = 0;
                        double scale = 0;
                        for (int j = j0; j < j0 + length; j++) {
                            double term = y[j] * poly[0][j + maxLag - t];
                            want += term;
                            scale += Math.abs(term);
                        }
                        assertEquals(want, out[3 + t], TOLERANCE * scale,
                                "lag " + t + " of " + maxLag + ", segment [" + j0 + ", " + (j0 + length) + ")");
                    }
                }
            }
        }
    }

    @Test
    void cubicSumsMatchScalarSums() {
        Random rng = new Random(12);
        int maxLag = 20;
        for (int length : lengths()) {
            for (int j0 = 0; j0 < 10; j0 += 3) {
                int m = j0 + length + 5;
                double[][] poly = poly(rng, m + maxLag);
                double[] y = random(rng, m);
                Correlation c = new Correlation(poly, maxLag);
                for (int shift : new int[] {0, 9, maxLag}) {
                    double[][] z = new double[4][3];
                    c.slope(y, j0, j0 + length, shift, z, 2);
                    c.curvature(y, j0, j0 + length, shift, z, 2);
                    for (int p = 1; p <= 3; p++) {
                        double want = 0;
                        double scale = 0;
                        for (int j = j0; j < j0 + length; j++) {
                            double term = y[j] * poly[p][j + shift];
                            want += term;
                            scale += Math.abs(term);
                        }
                        assertEquals(want, z[p][2], TOLERANCE * scale,
                                "cubic " + p + ", shift " + shift + ", segment [" + j0 + ", " + (j0 + length) + ")");
                    }
                }
            }
        }
    }

    private static int[] lengths() {
        int[] n = new int[44];
        for (int i = 0; i < 40; i++) {
            n[i] = i + 1;
        }
        n[40] = 63;
        n[41] = 64;
        n[42] = 127;
        n[43] = 300;
        return n;
    }

    /** Cubics as ShiftGram has them: reference values of both signs around a level. */
    private static double[][] poly(Random rng, int n) {
        double[][] p = new double[4][];
        for (int i = 0; i < 4; i++) {
            p[i] = random(rng, n);
        }
        return p;
    }

    private static double[] random(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rng.nextDouble() - 0.5;
        }
        return v;
    }
}
