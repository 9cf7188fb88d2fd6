package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.calibration.LinearCalibration;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code calibrate}: a new linear energy axis from two features of known energy
 * ({@code energies: [E1, E2]} eV) found at {@code channels: [c1, c2]} (fractional channels of the
 * stage's input); the counts are unchanged, the output store's header carries the new axis.
 */
public record CalibrateStage(double offsetEv, double scaleEv) implements Stage {

    static CalibrateStage parse(StageParams p) {
        p.allowOnly("channels", "energies");
        double[] c = p.pair("channels");
        double[] e = p.pair("energies");
        try {
            LinearCalibration cal = LinearCalibration.fromTwoFeatures(c[0], e[0], c[1], e[1]);
            return new CalibrateStage(cal.offsetEv(), cal.scaleEv());
        } catch (IllegalArgumentException ex) {
            throw p.error("energies", ex.getMessage());
        }
    }

    @Override
    public String type() {
        return "calibrate";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        return new LinearCalibration(offsetEv, scaleEv).grid(in.channels());
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        return (s, maps) -> s;
    }
}
