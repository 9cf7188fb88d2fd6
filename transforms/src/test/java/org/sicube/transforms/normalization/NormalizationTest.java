package org.sicube.transforms.normalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.EnergyGrid;

/** Analytic inputs: results exact to rounding (1e-12 relative). */
class NormalizationTest {

    @Test
    void totalCounts() {
        double[] y = {1, 2, 3, 4};
        assertEquals(10.0, new TotalCountsNormalization(1000).apply(y) * 1000, 1e-9);
        assertArrayEquals(new double[] {100, 200, 300, 400}, y, 1e-12);
        double[] zero = new double[4];
        assertTrue(Double.isNaN(new TotalCountsNormalization(1).apply(zero)));
        assertArrayEquals(new double[4], zero, 0.0);
    }

    @Test
    void maxPeakInARange() {
        double[] y = {50, 2, 8, 4, 1};
        assertEquals(8.0, new MaxPeakNormalization(1, 5).apply(y), 0.0);
        assertArrayEquals(new double[] {6.25, 0.25, 1, 0.5, 0.125}, y, 1e-12);
    }

    /** SNV of a·x + b equals SNV of x: mean 0, population std 1, known values. */
    @Test
    void snvRemovesOffsetAndScale() {
        double[] x = {1, 2, 3, 4, 5};
        double[] ax = {13, 16, 19, 22, 25};
        SnvNormalization snv = new SnvNormalization();
        assertEquals(Math.sqrt(2.0), snv.apply(x), 1e-12);
        assertEquals(3 * Math.sqrt(2.0), snv.apply(ax), 1e-12);
        double s = 1 / Math.sqrt(2.0);
        assertArrayEquals(new double[] {-2 * s, -s, 0, s, 2 * s}, x, 1e-12);
        assertArrayEquals(x, ax, 1e-12);
        double[] flat = {3, 3, 3};
        assertTrue(Double.isNaN(snv.apply(flat)));
        assertArrayEquals(new double[] {3, 3, 3}, flat, 0.0);
    }

    /** Window [101, 103) eV on a 1 eV grid from 100 eV = channels 1 and 2. */
    @Test
    void referencePeak() {
        EnergyGrid grid = new EnergyGrid(5, 100, 1);
        double[] y = {10, 30, 70, 5, 1};
        assertEquals(100.0, new ReferencePeakNormalization(grid, 101, 103, 1).apply(y), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.3, 0.7, 0.05, 0.01}, y, 1e-12);
    }
}
