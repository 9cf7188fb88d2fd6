package org.sicube.transforms.calibration;

import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sicube.transforms.background.Asls;
import org.sicube.transforms.background.PowerLawBackground;
import org.sicube.transforms.background.PowerLawEstimator;
import org.sicube.transforms.background.PowerLawFit;
import org.sicube.transforms.background.PowerLawWindow;
import org.sicube.transforms.background.Snip;
import org.sicube.transforms.normalization.TotalCountsNormalization;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.synthetic.PixelRandom;
import org.sicube.transforms.synthetic.PoissonSampler;

/**
 * Time per spectrum of the preprocessing kernels with the parameters of {@code bench preprocess}
 * (2048 channels from 250 eV by 0.5 eV, a power law with edges at about 400 counts per channel,
 * shifted by up to ±5 channels with Poisson noise), without Spark or I/O. Prints one JSON line
 * per kernel (thread CPU time, so that other load on the machine matters less); asserts nothing.
 * Runs only with {@code -Dsicube.bench=true}.
 */
@EnabledIfSystemProperty(named = "sicube.bench", matches = "true")
class PreprocessKernelsBenchmark {

    private static final int CHANNELS = 2048;
    private static final int SPECTRA = 4000;
    private static final EnergyGrid GRID = new EnergyGrid(CHANNELS, 250, 0.5);

    @Test
    void kernels() {
        double[][] data = spectra();
        double[] reference = new double[CHANNELS];
        for (double[] s : data) {
            for (int i = 0; i < CHANNELS; i++) {
                reference[i] += s[i];
            }
        }
        ReferenceShiftFit fit = new ReferenceShiftFit(reference, 0, CHANNELS, 10, 128);
        SubChannelShift xcorr = new SubChannelShift(CHANNELS, 10);
        ShiftApply shift = new ShiftApply(CHANNELS);
        PowerLawBackground powerLaw = new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 410, 450),
                PowerLawEstimator.TWO_AREA);
        PowerLawFit plFit = new PowerLawFit();
        Snip snip = new Snip(CHANNELS, 40);
        Asls asls = new Asls(CHANNELS, 1e5, 0.01, 10);
        TotalCountsNormalization total = new TotalCountsNormalization(1);
        double[] work = new double[CHANNELS];
        time("align-fit", data, s -> fit.estimate(s));
        time("align-xcorr", data, s -> xcorr.estimate(s, reference));
        time("shift-apply", data, s -> shift.apply(s, 0.3));
        time("powerlaw-two-area", data, s -> powerLaw.fitAndSubtract(s, plFit));
        time("snip", data, s -> snip.subtract(s, work));
        time("asls", data, s -> asls.subtract(s, work));
        time("normalize-total", data, total::apply);
    }

    private static void time(String what, double[][] data, Consumer<double[]> kernel) {
        double[] s = new double[CHANNELS];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (double[] d : data) {
                System.arraycopy(d, 0, s, 0, CHANNELS);
                kernel.accept(s);
            }
            double us = (cpu.getCurrentThreadCpuTime() - t0) / 1e3 / data.length;
            if (round == 2) {
                System.out.println(String.format(Locale.ROOT, "{\"what\":\"%s\",\"cpu_us_per_spectrum\":%.2f,"
                        + "\"spectra_per_s_per_core\":%.0f}", what, us, 1e6 / us));
            }
        }
    }

    /** Power law E^-3 with edges at 456 and 532 eV, about 400 counts per channel near 450 eV. */
    private static double[][] spectra() {
        double[][] out = new double[SPECTRA][CHANNELS];
        PixelRandom rng = new PixelRandom(PixelRandom.pixelKey(7, 0, 0, 0));
        for (int p = 0; p < SPECTRA; p++) {
            double shift = 10 * (rng.nextDouble() - 0.5);
            for (int i = 0; i < CHANNELS; i++) {
                double e = GRID.energyEv(i - shift);
                double steps = 1 + 1.2 * step(e - 456) + 0.6 * step(e - 532);
                out[p][i] = PoissonSampler.sample(rng, 400 * Math.pow(e / 450, -3) * steps);
            }
        }
        return out;
    }

    private static double step(double de) {
        return 1 / (1 + Math.exp(-de));
    }
}
