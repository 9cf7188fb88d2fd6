package org.sicube.transforms.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.DetectorEfficiency;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.synthetic.EdsPhaseModel;
import org.sicube.transforms.synthetic.EdsSpec;
import org.sicube.transforms.synthetic.PixelRandom;
import org.sicube.transforms.synthetic.PoissonSampler;

/**
 * The continuum fit against the synthetic EDS model of the demo Fe-Cr-Ni alloy (2048 channels of
 * 10 eV, 200 keV, 130 eV FWHM), whose continuum is Kramers' law × the standard detector efficiency.
 */
class KramersContinuumTest {
    static final EdsSpec SPEC = EdsSpec.demo(4, 4, 1).withMeanCounts(20000);
    static final EnergyGrid GRID = SPEC.grid();
    static final EdsPhaseModel ALLOY = EdsPhaseModel.of(SPEC.phases().get(0), SPEC);
    static final List<String> ELEMENTS = List.of("Fe", "Cr", "Ni");

    static KramersContinuum continuum(int order) {
        boolean[] free = LineFreeChannels.of(GRID, 300, 21000, 200, ELEMENTS, DetectorResolution.standard(), 2.0);
        return new KramersContinuum(GRID, 200, DetectorEfficiency.standard(), free, order);
    }

    /**
     * Noiseless: the lines' Gaussian tails beyond 2 FWHM (4.7 σ) hold 1.3e-6 of their area, so the
     * fitted continuum matches the true one to 1e-4 relative in every channel of 0.3–20.5 keV, with or
     * without a linear correction.
     */
    @Test
    void noiselessSpectrumGivesTheTrueContinuum() {
        double[] truth = ALLOY.continuum();
        for (int order : new int[] {0, 1}) {
            KramersContinuum k = continuum(order);
            double[] y = ALLOY.expected();
            assertTrue(k.fitAndSubtract(y));
            double[] model = k.model();
            for (int i = GRID.channels() - 1; GRID.energyEv(i) >= 300; i--) {
                assertEquals(truth[i], model[i], 1e-4 * truth[i], "order " + order + ", channel " + i);
            }
        }
    }

    /**
     * Poisson data (20 000 counts per spectrum, 400 spectra): the Fe Kα area left after subtraction
     * (channels within ±1 FWHM) is unbiased: its mean is within 3 standard errors of the true line
     * counts there, and within 1 %.
     */
    @Test
    void lineAreasAfterSubtractionAreUnbiased() {
        double[] mean = ALLOY.expected();
        double[] cont = ALLOY.continuum();
        double fwhm = DetectorResolution.standard().fwhmEv(6403.8);
        int lo = (int) Math.ceil(GRID.channelOf(6403.8 - fwhm));
        int hi = (int) Math.floor(GRID.channelOf(6403.8 + fwhm));
        double truth = 0;
        for (int i = lo; i <= hi; i++) {
            truth += mean[i] - cont[i];
        }
        PixelRandom rng = new PixelRandom(0);
        for (int order : new int[] {0, 1}) {
            KramersContinuum k = continuum(order);
            int n = 400;
            double sum = 0;
            double sumSq = 0;
            for (int s = 0; s < n; s++) {
                rng.reset(PixelRandom.pixelKey(3, order, s, 0));
                double[] y = new double[mean.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = PoissonSampler.sample(rng, mean[i]);
                }
                k.fitAndSubtract(y);
                double area = 0;
                for (int i = lo; i <= hi; i++) {
                    area += y[i];
                }
                sum += area;
                sumSq += area * area;
            }
            double m = sum / n;
            double se = Math.sqrt((sumSq / n - m * m) / n);
            System.out.printf("Fe Ka area, order %d: truth %.1f, mean %.1f ± %.1f%n", order, truth, m, se);
            assertEquals(truth, m, 3 * se, "order " + order);
            assertEquals(truth, m, 0.01 * truth, "order " + order);
        }
    }

    @Test
    void linesAreMaskedAndEmptySpectraFlagged() {
        boolean[] free = LineFreeChannels.of(GRID, 300, 21000, 200, ELEMENTS, DetectorResolution.standard(), 2.0);
        assertFalse(free[(int) Math.round(GRID.channelOf(6403.8))], "Fe Ka");
        assertFalse(free[(int) Math.round(GRID.channelOf(7478.2))], "Ni Ka");
        assertTrue(free[(int) Math.round(GRID.channelOf(10000))]);
        assertFalse(free[(int) Math.round(GRID.channelOf(200))], "below the range");
        KramersContinuum k = continuum(0);
        double[] y = new double[GRID.channels()];
        assertFalse(k.fitAndSubtract(y));
        assertTrue(Double.isNaN(k.scale()));
    }
}
