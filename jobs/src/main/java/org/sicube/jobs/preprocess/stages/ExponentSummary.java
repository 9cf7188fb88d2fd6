package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.background.ExponentHistogram;
import org.sicube.transforms.background.PowerLawBackground;
import org.sicube.transforms.background.PowerLawEstimator;
import org.sicube.transforms.background.PowerLawFit;
import org.sicube.transforms.background.PowerLawWindow;
import org.sicube.transforms.physics.EnergyGrid;

/** The histogram of per-pixel two-area power-law exponents in a window, for {@link LcplStage}. */
final class ExponentSummary implements Summary {
    private final EnergyGrid grid;
    private final double fromEv;
    private final double toEv;
    private final ExponentHistogram histogram = new ExponentHistogram();
    private transient PowerLawBackground background;
    private transient PowerLawFit fit;

    ExponentSummary(EnergyGrid grid, double fromEv, double toEv) {
        this.grid = grid;
        this.fromEv = fromEv;
        this.toEv = toEv;
    }

    ExponentHistogram histogram() {
        return histogram;
    }

    @Override
    public void add(WorkBlock b) {
        if (background == null) {
            background = new PowerLawBackground(grid, PowerLawWindow.of(grid, fromEv, toEv), PowerLawEstimator.TWO_AREA);
            fit = new PowerLawFit();
        }
        double[] spectrum = new double[b.channels];
        for (int p = 0; p < b.pixels(); p++) {
            System.arraycopy(b.data, p * b.channels, spectrum, 0, b.channels);
            background.fit(spectrum, fit);
            histogram.add(fit.exponent());
        }
    }

    @Override
    public Summary merge(Summary other) {
        histogram.merge(((ExponentSummary) other).histogram);
        return this;
    }
}
