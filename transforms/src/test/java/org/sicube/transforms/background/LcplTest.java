package org.sicube.transforms.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.EnergyGrid;

class LcplTest {

    static final EnergyGrid GRID = PowerLawBackgroundTest.GRID;

    static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    /** Exact channel integrals of two power laws: amplitudes to 1e-8 relative (rounding in the normal equations). */
    @Test
    void recoversBothAmplitudesAndSubtracts() {
        double[] y = sum(PowerLawBackgroundTest.powerLaw(GRID, 4e7, 2.5), PowerLawBackgroundTest.powerLaw(GRID, 2e12, 4.0));
        double[] original = y.clone();
        Lcpl lcpl = new Lcpl(GRID, PowerLawWindow.of(GRID, 250, 400), 2.5, 4.0);
        assertTrue(lcpl.fitAndSubtract(y));
        assertEquals(4e7, lcpl.amplitudeLow(), 1e-8 * 4e7);
        assertEquals(2e12, lcpl.amplitudeHigh(), 1e-8 * 2e12);
        assertEquals(0.0, lcpl.reducedChiSquare(), 1e-9);
        int first = PowerLawWindow.of(GRID, 250, 400).firstChannel();
        for (int i = first; i < y.length; i++) {
            assertTrue(Math.abs(y[i]) < 1e-6 * original[i], "residual at " + i);
        }
    }

    /** A steeper law than both bases would need a negative amplitude: NNLS keeps both ≥ 0. */
    @Test
    void amplitudesStayNonNegative() {
        double[] y = PowerLawBackgroundTest.powerLaw(GRID, 3e10, 3.2);
        Lcpl lcpl = new Lcpl(GRID, PowerLawWindow.of(GRID, 250, 400), 1.5, 2.0);
        assertTrue(lcpl.fit(y));
        assertTrue(lcpl.amplitudeLow() >= 0 && lcpl.amplitudeHigh() >= 0);
        assertEquals(0.0, Math.min(lcpl.amplitudeLow(), lcpl.amplitudeHigh()), 0.0);
    }

    @Test
    void emptyWindowIsFlagged() {
        double[] y = new double[GRID.channels()];
        Lcpl lcpl = new Lcpl(GRID, PowerLawWindow.of(GRID, 250, 400), 2.0, 4.0);
        assertFalse(lcpl.fitAndSubtract(y));
        assertTrue(Double.isNaN(lcpl.amplitudeLow()));
        assertArrayEquals(new double[GRID.channels()], y, 0.0);
    }

    @Test
    void exponentPercentilesIgnoreInvalidFits() {
        double[] r = new double[102];
        for (int i = 0; i <= 100; i++) {
            r[i] = 2.0 + 0.01 * (100 - i); // 2.00 … 3.00 in reverse order
        }
        r[101] = Double.NaN;
        double[] p = ExponentSpread.percentiles(r, 5, 95);
        assertEquals(2.05, p[0], 1e-12);
        assertEquals(2.95, p[1], 1e-12);
        assertEquals(2.5, ExponentSpread.percentile(new double[] {2, 3}, 50), 0.0);
    }
}
