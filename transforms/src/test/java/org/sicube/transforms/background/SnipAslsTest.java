package org.sicube.transforms.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Background estimators must keep a peak's area: within 1 % of the true 2·10⁴ counts. */
class SnipAslsTest {

    @Test
    void snipKeepsPeakArea() {
        double[] y = PeakAreaFixture.spectrum();
        Snip snip = new Snip(y.length, 24);
        snip.subtract(y, new double[y.length]);
        double area = PeakAreaFixture.peakArea(y);
        assertEquals(PeakAreaFixture.PEAK_AREA, area, 0.01 * PeakAreaFixture.PEAK_AREA, "SNIP area " + area);
        // Far from the peak the smooth (convex) background is untouched by clipping.
        assertEquals(0.0, y[200], 1e-9 * PeakAreaFixture.background(200));
    }

    @Test
    void snipOfPureBackgroundIsTheBackground() {
        double[] y = new double[PeakAreaFixture.CHANNELS];
        for (int i = 0; i < y.length; i++) {
            y[i] = PeakAreaFixture.background(i);
        }
        double[] b = new double[y.length];
        new Snip(y.length, 30).background(y, b);
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], b[i], 1e-9 * y[i], "channel " + i);
        }
    }

    @Test
    void aslsKeepsPeakArea() {
        double[] y = PeakAreaFixture.spectrum();
        Asls asls = new Asls(y.length, 1e7, 0.001, 20);
        asls.subtract(y, new double[y.length]);
        double area = PeakAreaFixture.peakArea(y);
        assertEquals(PeakAreaFixture.PEAK_AREA, area, 0.01 * PeakAreaFixture.PEAK_AREA, "AsLS area " + area);
    }

    /** With w = 1 and a straight line, the penalty vanishes: the solve returns y itself. */
    @Test
    void aslsReproducesAStraightLine() {
        for (int n : new int[] {3, 4, 5, 257}) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 7.0 + 0.25 * i;
            }
            double[] z = new double[n];
            new Asls(n, 1e6, 0.01, 1).baseline(y, z);
            for (int i = 0; i < n; i++) {
                assertEquals(y[i], z[i], 1e-7 * y[i], "n=" + n + " channel " + i);
            }
        }
    }

    /** λ → 0 with w = 1 interpolates the data; a tiny λ recovers a rough spectrum closely. */
    @Test
    void aslsWithTinyLambdaFollowsTheData() {
        double[] y = {5, 1, 9, 2, 8, 3, 7};
        double[] z = new double[y.length];
        new Asls(y.length, 1e-9, 0.5, 1).baseline(y, z);
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], z[i], 1e-6);
        }
        assertTrue(z[2] > z[1]);
    }
}
