package org.sicube.transforms.calibration;

/**
 * The inner loops of {@link ReferenceShiftFit}: sums of {@code y[j]·r[j + shift]} over a segment
 * {@code j ∈ [j0, j1)}, several at once with independent accumulators so that the multiply-adds
 * overlap (each y and r value is loaded once per group instead of once per sum).
 */
final class Correlation {
    private Correlation() {
    }

    /**
     * For every lag index t ∈ [0, maxLag]: {@code z[t][0][k] = Σ_j y[j]·r[j + maxLag − t]}, four lags
     * per pass over the segment.
     */
    static void lags(double[] y, int j0, int j1, double[] r, int maxLag, double[][][] z, int k) {
        int t = 0;
        for (; t + 3 <= maxLag; t += 4) {
            // Lags t … t+3 read r at offsets s, s−1, s−2, s−3.
            int s = maxLag - t;
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            for (int j = j0; j < j1; j++) {
                double v = y[j];
                int i = j + s;
                a0 += v * r[i];
                a1 += v * r[i - 1];
                a2 += v * r[i - 2];
                a3 += v * r[i - 3];
            }
            z[t][0][k] = a0;
            z[t + 1][0][k] = a1;
            z[t + 2][0][k] = a2;
            z[t + 3][0][k] = a3;
        }
        for (; t <= maxLag; t++) {
            int s = maxLag - t;
            double a = 0;
            for (int j = j0; j < j1; j++) {
                a += y[j] * r[j + s];
            }
            z[t][0][k] = a;
        }
    }

    /** {@code z[p][k] = Σ_j y[j]·poly[p][j + shift]} for p = 1, 2, 3. */
    static void higher(double[] y, int j0, int j1, double[][] poly, int shift, double[][] z, int k) {
        double[] p1 = poly[1];
        double[] p2 = poly[2];
        double[] p3 = poly[3];
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        for (int j = j0; j < j1; j++) {
            double v = y[j];
            int i = j + shift;
            a1 += v * p1[i];
            a2 += v * p2[i];
            a3 += v * p3[i];
        }
        z[1][k] = a1;
        z[2][k] = a2;
        z[3][k] = a3;
    }
}
