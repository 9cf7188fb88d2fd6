package org.sicube.jobs.preprocess.stages;

import java.util.List;
import org.sicube.transforms.background.PowerLawBackground;
import org.sicube.transforms.background.PowerLawEstimator;
import org.sicube.transforms.background.PowerLawFit;
import org.sicube.transforms.background.PowerLawWindow;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code powerlaw}: EELS pre-edge background {@code A·E^-r} fitted in {@code window: [from, to]} eV
 * (channels whose centres lie in [from, to), see {@link PowerLawWindow}) by {@code method}
 * two-area | two-area-exact | log-log and subtracted from the window start up. Maps: A (counts ·
 * eV^(r−1)), r, and the reduced χ² of the window fit; NaN where the window could not be fitted
 * (the spectrum is then left unchanged).
 */
public record PowerLawStage(String key, double fromEv, double toEv, PowerLawEstimator estimator) implements Stage {

    static PowerLawStage parse(StageParams p) {
        p.allowOnly("window", "method");
        return read(p);
    }

    /** Reads {@code window} and {@code method} (for stages that fit the same law, e.g. lba). */
    static PowerLawStage read(StageParams p) {
        double[] w = p.pair("window");
        String m = p.text("method", "two-area");
        PowerLawEstimator e = switch (m) {
            case "two-area" -> PowerLawEstimator.TWO_AREA;
            case "two-area-exact" -> PowerLawEstimator.TWO_AREA_EXACT;
            case "log-log" -> PowerLawEstimator.LOG_LOG;
            default -> throw p.error("method", "must be two-area, two-area-exact or log-log, got '" + m + "'");
        };
        return new PowerLawStage(p.key("window"), w[0], w[1], e);
    }

    @Override
    public String type() {
        return "powerlaw";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        EnergyRange.checkPowerLawWindow(key, type(), fromEv, toEv, in);
        return in;
    }

    @Override
    public List<String> maps() {
        return List.of("A", "r", "chi2");
    }

    /** The log-log fit weights each channel by its counts as the inverse Poisson variance. */
    @Override
    public boolean requiresCounts() {
        return estimator == PowerLawEstimator.LOG_LOG;
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        PowerLawBackground bg = new PowerLawBackground(in, PowerLawWindow.of(in, fromEv, toEv), estimator);
        PowerLawFit fit = new PowerLawFit();
        return (s, maps) -> {
            bg.fitAndSubtract(s, fit);
            maps[0] = fit.amplitude();
            maps[1] = fit.exponent();
            maps[2] = fit.reducedChiSquare();
            return s;
        };
    }
}
