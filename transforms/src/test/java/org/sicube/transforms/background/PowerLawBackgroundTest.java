package org.sicube.transforms.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.EnergyGrid;

class PowerLawBackgroundTest {

    /** 0.5 eV channels from 100 eV: channel i spans 99.75 + 0.5·i … 100.25 + 0.5·i eV. */
    static final EnergyGrid GRID = new EnergyGrid(2048, 100.0, 0.5);
    static final double A = 3.0e10;
    static final double R = 3.2;

    /** Counts of channel i = exact ∫ A·E^-r over the channel, r ≠ 1. */
    static double[] powerLaw(EnergyGrid grid, double a, double r) {
        double[] y = new double[grid.channels()];
        double k = 1 - r;
        for (int i = 0; i < y.length; i++) {
            double lo = grid.energyEv(i - 0.5);
            double hi = grid.energyEv(i + 0.5);
            y[i] = a / k * (Math.pow(hi, k) - Math.pow(lo, k));
        }
        return y;
    }

    @Test
    void windowSnapsToEvenChannelCountWithEdges() {
        // Centres in [300, 400.25) eV: channels 400..600 (300.0 .. 400.0 eV) = 201 → trimmed to 200.
        PowerLawWindow w = PowerLawWindow.of(GRID, 300.0, 400.25);
        assertEquals(400, w.firstChannel());
        assertEquals(200, w.channelCount());
        assertEquals(299.75, w.e1Ev(), 1e-12);
        assertEquals(349.75, w.e2Ev(), 1e-12);
        assertEquals(399.75, w.e3Ev(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PowerLawWindow.of(GRID, 300.0, 300.4));
    }

    /** Exact two-area on exact channel integrals: only rounding remains (1e-9 relative). */
    @Test
    void exactTwoAreaRecoversAmplitudeAndExponentAndSubtractsCleanly() {
        double[] y = powerLaw(GRID, A, R);
        double[] original = y.clone();
        PowerLawBackground bg = new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 300, 400),
                PowerLawEstimator.TWO_AREA_EXACT);
        PowerLawFit fit = new PowerLawFit();
        assertTrue(bg.fitAndSubtract(y, fit));
        assertEquals(R, fit.exponent(), 1e-9 * R);
        assertEquals(A, fit.amplitude(), 1e-9 * A);
        assertEquals(0.0, fit.reducedChiSquare(), 1e-12);
        for (int i = 0; i < 400; i++) {
            assertEquals(original[i], y[i], 0.0, "below the window nothing changes, channel " + i);
        }
        for (int i = 400; i < y.length; i++) {
            assertTrue(Math.abs(y[i]) < 1e-6 * original[i], "residual at channel " + i + ": " + y[i]);
        }
    }

    /** The closed form is HyperSpy's formula: equal to it to rounding, r biased by < 0.5 %. */
    @Test
    void classicTwoAreaIsTheClosedForm() {
        double[] y = powerLaw(GRID, A, R);
        PowerLawFit fit = new PowerLawFit();
        new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 300, 400), PowerLawEstimator.TWO_AREA).fit(y, fit);
        double k = 1 - R;
        double i1 = A / k * (Math.pow(349.75, k) - Math.pow(299.75, k));
        double i2 = A / k * (Math.pow(399.75, k) - Math.pow(349.75, k));
        double r = 2 * Math.log(i1 / i2) / Math.log(399.75 / 299.75);
        double a = (1 - r) * i2 / (Math.pow(399.75, 1 - r) - Math.pow(349.75, 1 - r));
        assertEquals(r, fit.exponent(), 1e-10 * r);
        assertEquals(a, fit.amplitude(), 1e-8 * a);
        assertEquals(R, fit.exponent(), 5e-3 * R);
    }

    /** Log–log on channel centres: midpoint-rule error (r(r+1)/24)(ΔE/E)² ≈ 1e-6 bounds the bias. */
    @Test
    void logLogFitRecoversExponent() {
        double[] y = powerLaw(GRID, A, R);
        PowerLawFit fit = new PowerLawFit();
        new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 300, 400), PowerLawEstimator.LOG_LOG).fit(y, fit);
        assertEquals(R, fit.exponent(), 1e-4 * R);
        assertEquals(A, fit.amplitude(), 1e-3 * A);
    }

    @Test
    void exponentOneUsesTheStableBranch() {
        double[] y = new double[GRID.channels()];
        for (int i = 0; i < y.length; i++) {
            y[i] = 5e4 * Math.log(GRID.energyEv(i + 0.5) / GRID.energyEv(i - 0.5));
        }
        PowerLawBackground bg = new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 300, 400),
                PowerLawEstimator.TWO_AREA_EXACT);
        PowerLawFit fit = new PowerLawFit();
        assertTrue(bg.fitAndSubtract(y, fit));
        assertEquals(1.0, fit.exponent(), 1e-9);
        assertEquals(5e4, fit.amplitude(), 1e-9 * 5e4);
    }

    @Test
    void nonPositiveWindowIsFlaggedAndLeavesSpectrumUnchanged() {
        double[] y = powerLaw(GRID, A, R);
        for (int i = 500; i < 600; i++) {
            y[i] = 0;
        }
        double[] before = y.clone();
        PowerLawFit fit = new PowerLawFit();
        for (PowerLawEstimator e : PowerLawEstimator.values()) {
            PowerLawBackground bg = new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 350, 400), e);
            assertFalse(bg.fitAndSubtract(y, fit), e.name());
            assertTrue(Double.isNaN(fit.amplitude()) && Double.isNaN(fit.exponent()), e.name());
            assertArrayEquals(before, y, 0.0);
        }
    }

    /** Prints two-area + subtraction throughput on 10^5 spectra of 2048 channels (not asserted). */
    @Test
    void printsThroughput() throws InterruptedException {
        EnergyGrid grid = new EnergyGrid(2048, 100.0, 0.5);
        double[] template = powerLaw(grid, A, R);
        int spectra = 100_000;
        for (PowerLawEstimator e : new PowerLawEstimator[] {PowerLawEstimator.TWO_AREA,
                PowerLawEstimator.TWO_AREA_EXACT}) {
            runThroughput(grid, template, e, spectra / 10, 2); // warm-up
            for (int threads : new int[] {2}) {
                double seconds = runThroughput(grid, template, e, spectra, threads);
                System.out.printf("{\"what\":\"power-law %s + subtraction\",\"threads\":%d,\"spectra\":%d,"
                        + "\"channels\":%d,\"seconds\":%.3f,\"spectra_per_s\":%.0f}%n",
                        e, threads, spectra, grid.channels(), seconds, spectra / seconds);
            }
        }
    }

    private static double runThroughput(EnergyGrid grid, double[] template, PowerLawEstimator e, int spectra,
            int threads) throws InterruptedException {
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int share = spectra / threads;
            workers[t] = new Thread(() -> {
                PowerLawBackground bg = new PowerLawBackground(grid, PowerLawWindow.of(grid, 300, 400), e);
                PowerLawFit fit = new PowerLawFit();
                double[] y = new double[grid.channels()];
                for (int s = 0; s < share; s++) {
                    System.arraycopy(template, 0, y, 0, y.length);
                    y[450] += s % 7; // vary the input a little
                    bg.fitAndSubtract(y, fit);
                }
            });
        }
        long start = System.nanoTime();
        for (Thread w : workers) {
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return (System.nanoTime() - start) * 1e-9;
    }
}
