package org.sicube.transforms.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DevianceThresholdTest {

    @Test
    void normalQuantilesMatchTables() {
        // Tabulated values of Φ⁻¹ to 6 decimals.
        assertEquals(1.959964, NormalQuantile.of(0.975), 1e-6);
        assertEquals(-3.719016, NormalQuantile.of(1e-4), 1e-6);
        assertEquals(0.0, NormalQuantile.of(0.5), 1e-12);
        assertEquals(-4.753424, NormalQuantile.of(1e-6), 1e-6);
    }

    @Test
    void chiSquareBulkGivesTheStatedFalseAlarmRateAndIgnoresAnomalies() {
        // 200 000 χ² values with 100 degrees of freedom: the fitted threshold is exceeded by a
        // fraction within a factor 1.6 of α = 1e-3 (200 expected; Poisson spread ±14, Wilson–Hilferty
        // tail error a few per cent, histogram quantiles 1.2 %).
        Random rng = new Random(7);
        int n = 200_000;
        double[] d = new double[n];
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < 100; k++) {
                double g = rng.nextGaussian();
                s += g * g;
            }
            d[i] = s;
            h.add(s);
        }
        DevianceThreshold t = DevianceThreshold.fit(h, 1e-3, "test");
        long above = 0;
        for (double v : d) {
            above += t.flags(v) ? 1 : 0;
        }
        System.out.println("χ²(100): threshold " + t.deviance() + ", exceeded by " + above + " of " + n);
        assertTrue(above >= 125 && above <= 320, "exceedances " + above);
        // 1 % of extreme anomalies move the threshold by less than 1 %.
        for (int i = 0; i < n / 100; i++) {
            h.add(1e5);
        }
        DevianceThreshold contaminated = DevianceThreshold.fit(h, 1e-3, "test");
        assertEquals(t.deviance(), contaminated.deviance(), 0.01 * t.deviance());
    }

    @Test
    void histogramQuantilesAndMerge() {
        LogHistogram a = new LogHistogram();
        LogHistogram b = new LogHistogram();
        for (int i = 1; i <= 1000; i++) {
            (i % 2 == 0 ? a : b).add(i);
        }
        a.add(0);
        a.merge(b);
        assertEquals(1001, a.count());
        assertEquals(1, a.zeros());
        assertEquals(500, a.quantile(0.5), 500 * 0.012);
        assertEquals(900, a.quantile(0.9), 900 * 0.012);
        assertEquals(100, a.countAbove(900.5), 1);
    }

    @Test
    void devianceTermsFollowTheDefinition() {
        assertEquals(2 * (5 * Math.log(5 / 2.0) - 3), PoissonDeviance.term(5, 2), 1e-12);
        assertEquals(2 * 2.0, PoissonDeviance.term(0, 2), 1e-12);
        assertEquals(0, PoissonDeviance.term(3, 3), 1e-12);
        // A negative or zero reconstruction is clamped to the floor.
        assertEquals(2 * (Math.log(1 / PoissonDeviance.FLOOR) - (1 - PoissonDeviance.FLOOR)),
                PoissonDeviance.term(1, -0.5), 1e-12);
        assertEquals(9 / 2.0, PoissonDeviance.chiSquareTerm(5, 2), 1e-12);
    }
}
