package org.sicube.transforms.background;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** φ(x) = (e^x − 1)/x: its series branch must agree with the definition to double precision. */
class TwoAreaMethodTest {

    /**
     * Against {@code Math.expm1(x)/x} (accurate to 1 ulp) on both sides of the switch at |x| = 1/64
     * and down to 1e-12: the series is exact to below 1e-17, so only rounding (a few 1e-16) differs.
     */
    @Test
    void phiSeriesMatchesExpm1() {
        for (double x : new double[] {1e-12, 1e-6, 2.4e-3, 0.01, 1.0 / 64 - 1e-9, 1.0 / 64, 0.02, 0.5}) {
            for (double s : new double[] {x, -x}) {
                double want = Math.expm1(s) / s;
                assertEquals(want, TwoAreaMethod.phi(s), 4e-16 * want, "x = " + s);
            }
        }
        assertEquals(1.0, TwoAreaMethod.phi(0.0), 0.0);
    }
}
