package org.sicube.transforms.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.EnergyGrid;

class ZeroLossAndCalibrationTest {

    static double[] gaussian(int n, double centre, double sigma, double height) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (i - centre) / sigma;
            y[i] = height * Math.exp(-0.5 * t * t);
        }
        return y;
    }

    /** ln of a sampled Gaussian is an exact parabola: centre to rounding (1e-9 channel). */
    @Test
    void zeroLossCentreOfGaussianIsExact() {
        ZeroLossAlign zl = new ZeroLossAlign(0.2, 10);
        for (double c : new double[] {100.0, 100.37, 99.5, 250.81}) {
            assertEquals(c, zl.centreChannel(gaussian(512, c, 3.0, 1e5)), 1e-9, "centre " + c);
        }
    }

    @Test
    void shiftToEnergyAlignsTheZeroLoss() {
        EnergyGrid grid = new EnergyGrid(512, -20.0, 0.1);
        double[] y = gaussian(512, 203.4, 4.0, 1e6); // centre at −20 + 20.34 = 0.34 eV
        ZeroLossAlign zl = new ZeroLossAlign(0.1, 12);
        assertEquals(0.34, zl.centreEv(y, grid), 1e-9);
        double shift = zl.shiftToEnergy(y, grid, 0.0);
        assertEquals(-3.4, shift, 1e-8);
        new ShiftApply(512).apply(y, shift);
        // Linear redistribution broadens slightly but keeps the centre: within 0.01 channel.
        assertEquals(0.0, zl.centreEv(y, grid), 0.001);
    }

    @Test
    void noPeakGivesNaN() {
        assertTrue(Double.isNaN(new ZeroLossAlign(0.5, 5).centreChannel(new double[16])));
        double[] spike = new double[16];
        spike[7] = 100;
        assertTrue(Double.isNaN(new ZeroLossAlign(0.5, 5).centreChannel(spike)));
    }

    /** Two features on an exact line give back the line exactly (to rounding). */
    @Test
    void linearCalibrationFromTwoFeatures() {
        double offset = -472.25277;
        double scale = 9.999;
        double c1 = 52.7;
        double c2 = 689.3;
        LinearCalibration cal = LinearCalibration.fromTwoFeatures(c1, offset + c1 * scale, c2, offset + c2 * scale);
        assertEquals(offset, cal.offsetEv(), 1e-9);
        assertEquals(scale, cal.scaleEv(), 1e-12);
        EnergyGrid grid = cal.grid(2048);
        assertEquals(offset + 2047 * scale, grid.lastEnergyEv(), 1e-8);
        assertEquals(277.0, LinearCalibration.fromTwoFeatures(0, 0, 100, 2770).energyEv(10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LinearCalibration.fromTwoFeatures(3, 10, 3, 20));
        assertThrows(IllegalArgumentException.class, () -> LinearCalibration.fromTwoFeatures(3, 20, 5, 10));
    }
}
