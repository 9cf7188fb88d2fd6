package org.sicube.transforms.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The participation ratio of scores against analytic cases. */
class ComponentSupportTest {

    /** m pixels of equal score and zeros elsewhere: exactly m effective pixels (rounding only). */
    @Test
    void equalScoresOnMPixelsGiveM() {
        int n = 1000;
        double[] scores = new double[n];
        double[] totals = new double[n];
        java.util.Arrays.fill(totals, 1);
        for (int i = 0; i < 37; i++) {
            scores[i * 20] = 2.5;
        }
        ComponentSupport s = ComponentSupport.zero(1, 0).add(scores, totals, n);
        assertEquals(37, s.effectivePixels(0), 1e-9);
        assertEquals(n, s.pixels());
    }

    /**
     * Every pixel has noise s² = σ², m of them also signal B² = 1000 σ². The signal part gives
     * P = m² B⁴ / ((N − m) σ⁴ + m (σ² + B²)²) = 49.8 for m = 50, N = 10^5 (within 1 % of m); the
     * plain ratio (Σ s²)² / Σ s⁴ would give 448.
     */
    @Test
    void noiseEveryComponentHasIsTakenOut() {
        int n = 100_000;
        int m = 50;
        double sigma2 = 1e-8;
        double[] scores = new double[n];
        double[] totals = new double[n];
        java.util.Arrays.fill(totals, 1);
        for (int i = 0; i < n; i++) {
            double s2 = sigma2 + (i % 2000 == 0 ? 1000 * sigma2 : 0);
            scores[i] = (i % 2 == 0 ? 1 : -1) * Math.sqrt(s2);
        }
        ComponentSupport s = ComponentSupport.zero(1, sigma2).add(scores, totals, n);
        assertEquals(m, s.effectivePixels(0), 0.01 * m);
        double plain = s.sum2(0) * s.sum2(0) / s.sum4(0);
        assertEquals(448, plain, 1);
    }

    @Test
    void rareComponentsAreLeftOutButNeverTheMean() {
        int n = 10_000;
        int k = 3;
        double[] scores = new double[n * k];
        double[] totals = new double[n];
        for (int i = 0; i < n; i++) {
            totals[i] = i < n - 5 ? 1 : 0;
            scores[i * k] = i < 3 ? 1 : 0;
            scores[i * k + 1] = 1 + 0.1 * (i % 7);
            scores[i * k + 2] = i % 100 == 0 ? 1 : 0;
        }
        ComponentSupport s = ComponentSupport.zero(k, 0).add(scores, totals, n);
        assertEquals(n - 5, s.pixels(), "pixels without counts are left out");
        assertEquals(100, s.effectivePixels(2), 1e-9);
        assertArrayEquals(new boolean[] {true, true, false}, s.majorComponents(0.02));
        assertArrayEquals(new boolean[] {true, true, true}, s.majorComponents(0.005));
        assertArrayEquals(new boolean[] {true, true, true}, s.majorComponents(0));
        assertTrue(s.report(0.02).contains("3: 100.0 (rare)"), s.report(0.02));
        assertThrows(IllegalArgumentException.class, () -> s.majorComponents(1));
    }

    /** Any split of the pixels into blocks merges to the same sums. */
    @Test
    void mergeEqualsOnePass() {
        int n = 999;
        double[] scores = new double[n * 2];
        double[] totals = new double[n];
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < n; i++) {
            totals[i] = 1;
            scores[2 * i] = r.nextGaussian();
            scores[2 * i + 1] = r.nextDouble() < 0.01 ? 5 : 0;
        }
        ComponentSupport whole = ComponentSupport.zero(2, 0.1).add(scores, totals, n);
        ComponentSupport a = ComponentSupport.zero(2, 0.1).add(java.util.Arrays.copyOfRange(scores, 0, 2 * 400),
                totals, 400);
        ComponentSupport b = ComponentSupport.zero(2, 0.1).add(java.util.Arrays.copyOfRange(scores, 2 * 400, 2 * n),
                totals, n - 400);
        a.merge(b);
        for (int c = 0; c < 2; c++) {
            assertEquals(whole.sum2(c), a.sum2(c), 1e-9 * whole.sum2(c));
            assertEquals(whole.sum4(c), a.sum4(c), 1e-9 * whole.sum4(c));
            assertEquals(whole.effectivePixels(c), a.effectivePixels(c), 1e-9 * whole.effectivePixels(c));
        }
    }
}
