package org.sicube.transforms.calibration;

import org.sicube.transforms.physics.EnergyGrid;

/**
 * A linear energy calibration {@code E(i) = offsetEv + i · scaleEv} (i a fractional channel, E in
 * eV) fixed by two features of known energy and measured channel position (e.g. the zero-loss peak
 * and an edge onset, or two X-ray lines).
 */
public record LinearCalibration(double offsetEv, double scaleEv) {

    public LinearCalibration {
        if (!Double.isFinite(offsetEv) || !(scaleEv > 0) || !Double.isFinite(scaleEv)) {
            throw new IllegalArgumentException("calibration needs a finite offset and a positive scale, got "
                    + offsetEv + " eV, " + scaleEv + " eV/channel");
        }
    }

    /** The line through (channel1, energy1Ev) and (channel2, energy2Ev); energies must increase with channel. */
    public static LinearCalibration fromTwoFeatures(double channel1, double energy1Ev, double channel2,
            double energy2Ev) {
        if (channel1 == channel2) {
            throw new IllegalArgumentException("the two features sit on the same channel " + channel1);
        }
        double scale = (energy2Ev - energy1Ev) / (channel2 - channel1);
        return new LinearCalibration(energy1Ev - channel1 * scale, scale);
    }

    /** The energy grid of a {@code channels}-channel spectrum under this calibration. */
    public EnergyGrid grid(int channels) {
        return new EnergyGrid(channels, offsetEv, scaleEv);
    }

    /** Energy in eV of fractional channel {@code channel}. */
    public double energyEv(double channel) {
        return offsetEv + channel * scaleEv;
    }
}
