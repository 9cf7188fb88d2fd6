package org.sicube.transforms.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The spline's cubic pieces must be the spline itself: same value and slope at every offset. */
class SplineSpectrumTest {

    /**
     * A 64-channel spectrum with an edge and a peak; the cubics of {@code polynomials} against
     * {@code value}/{@code slope} at f ∈ {0, 0.25, 0.6, 1} below every channel, including the
     * mirrored ends. Both are the same piecewise cubic, so they agree to rounding (1e-12 relative).
     */
    @Test
    void polynomialsReproduceValueAndSlope() {
        int n = 64;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 100 * Math.pow(1 + i, -1.5) + (i > 30 ? 5 : 0) + 20 * Math.exp(-0.5 * Math.pow((i - 45) / 2.0, 2));
        }
        SplineSpectrum s = new SplineSpectrum(y);
        double[][] p = s.polynomials(0, n);
        for (int q = 0; q < n; q++) {
            for (double f : new double[] {0, 0.25, 0.6, 1}) {
                double value = p[0][q] + f * (p[1][q] + f * (p[2][q] + f * p[3][q]));
                double slope = -(p[1][q] + f * (2 * p[2][q] + 3 * f * p[3][q]));
                assertEquals(s.value(q - f), value, 1e-12 * 100, "value at " + (q - f));
                assertEquals(s.slope(q - f), slope, 1e-12 * 100, "slope at " + (q - f));
            }
            assertEquals(y[q], p[0][q], 1e-12 * 100, "interpolates channel " + q);
        }
    }
}
