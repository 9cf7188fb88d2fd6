package org.sicube.transforms.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShiftTest {

    static double[] peaked(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = (i - 300.0) / 5.0;
            double b = (i - 700.0) / 8.0;
            y[i] = 50.0 + 0.02 * i + 4000.0 * Math.exp(-0.5 * a * a) + 1500.0 * Math.exp(-0.5 * b * b);
        }
        return y;
    }

    static double total(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s;
    }

    /** Exactly conserved up to summation rounding: 1e-12 relative. */
    @Test
    void shiftConservesTotal() {
        double[] y = peaked(1024);
        double before = total(y);
        ShiftApply shift = new ShiftApply(y.length);
        for (double s : new double[] {0.37, -0.37, 3.5, -12.25, 0.0, 1500.0, -2000.0}) {
            double[] z = y.clone();
            shift.apply(z, s);
            assertEquals(before, total(z), 1e-12 * before, "shift " + s);
        }
    }

    /**
     * The documented split, written as the plain scatter over source channels, against
     * {@link ShiftApply} (ends summed, interior gathered in place): every channel receives the
     * same sums in the same order, so they must agree to the last bit, for shifts within a
     * channel, past a vector of channels, to within one channel of the ends and beyond them, and
     * for spectra shorter than a vector.
     */
    @Test
    void matchesThePlainScatterExactly() {
        Random rng = new Random(5);
        double[] shifts = {0.0, 0.37, -0.37, 1.0, -1.0, 2.5, -2.5, 7.9, -8.1, 9.0, -17.25, 40.5, -63.75};
        for (int n : new int[] {1, 2, 3, 5, 8, 9, 17, 64, 100, 1024}) {
            ShiftApply apply = new ShiftApply(n);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 1000 * rng.nextDouble();
            }
            for (double s : shifts) {
                for (double shift : new double[] {s, n - 1 + s, -(n - 1) + s, 3.0 * n + s, -3.0 * n + s}) {
                    double[] got = y.clone();
                    apply.apply(got, shift);
                    assertArrayEquals(scatter(y, shift), got, 0.0, n + " channels, shift " + shift);
                }
            }
        }
    }

    private static double[] scatter(double[] y, double shift) {
        int n = y.length;
        double whole = Math.floor(shift);
        double f = shift - whole;
        int offset = (int) Math.max(-n - 1, Math.min(n + 1, whole));
        double[] moved = new double[n];
        for (int i = 0; i < n; i++) {
            double upper = f * y[i];
            double lower = y[i] - upper;
            moved[Math.max(0, Math.min(n - 1, i + offset))] += lower;
            moved[Math.max(0, Math.min(n - 1, i + offset + 1))] += upper;
        }
        return moved;
    }

    /** Linear redistribution moves the centroid of an isolated peak by exactly the shift. */
    @Test
    void shiftMovesCentroidExactly() {
        double[] y = new double[64];
        y[20] = 10;
        y[21] = 30;
        new ShiftApply(64).apply(y, 2.25);
        double m = 0;
        double c = 0;
        for (int i = 0; i < y.length; i++) {
            m += y[i];
            c += i * y[i];
        }
        assertEquals(20.75 + 2.25, c / m, 1e-12);
        assertEquals(7.5, y[22], 1e-12);
    }

    /** A 0.37-channel shift applied by ShiftApply is found within 0.02 channel (required accuracy). */
    @Test
    void recoversSubChannelShift() {
        double[] ref = peaked(1024);
        SubChannelShift estimator = new SubChannelShift(ref.length, 20);
        ShiftApply apply = new ShiftApply(ref.length);
        for (double s : new double[] {0.37, -0.37, 4.81, -7.2}) {
            double[] x = ref.clone();
            apply.apply(x, s);
            double found = estimator.estimate(x, ref);
            assertEquals(s, found, 0.02, "applied " + s);
            apply.apply(x, -found);
            assertEquals(0.0, estimator.estimate(x, ref), 0.02, "after alignment of " + s);
        }
    }

    @Test
    void parabolaVertex() {
        // y = −(t − 0.3)²: values at −1, 0, 1.
        assertEquals(0.3, SubChannelShift.parabolicVertex(-1.69, -0.09, -0.49), 1e-12);
        assertEquals(0.0, SubChannelShift.parabolicVertex(1, 1, 1), 0.0);
    }
}
