package org.sicube.jobs.transfer;

import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;

/** The error for spectra of two sources on different energy axes, naming both. */
final class AxisMismatch {
    private AxisMismatch() {
    }

    static InvalidInputException of(String what, EnergyAxis axis, String other, EnergyAxis otherAxis) {
        return new InvalidInputException("energy axes differ: " + what + " has " + axis + ", " + other + " has "
                + otherAxis + "; a transfer maps spectra on one axis (calibrate, crop or rebin them first)");
    }
}
