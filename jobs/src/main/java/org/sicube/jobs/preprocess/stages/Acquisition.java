package org.sicube.jobs.preprocess.stages;

import java.util.List;

/**
 * What the input store's header says about the acquisition that a stage may default to: the beam
 * energy in keV (NaN when unknown) and the elements present (symbols, possibly none).
 */
public record Acquisition(double beamEnergyKeV, List<String> elements) {
    public Acquisition {
        elements = List.copyOf(elements);
    }
}
