package org.sicube.datasets.formats.hspy;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Builds the {@link SpectrumImage} header of a HyperSpy experiment: energy axis from the last
 * {@code axis-<i>} group (offset, scale, units), pixel size from the one before it, and the
 * HyperSpy metadata tree ({@code Signal/signal_type}, {@code Acquisition_instrument/TEM|SEM/
 * beam_energy} in keV, {@code Detector/EDS/live_time|real_time|detector_type} in s,
 * {@code Sample/elements}).
 */
final class HspyHeader {
    private HspyHeader() {
    }

    static SpectrumImage of(Group experiment, Dataset data, String dataType, String f) {
        int[] dims = data.getDimensions();
        int rank = dims.length;
        Node energyAxis = experiment.getChildren().get("axis-" + (rank - 1));
        double offset = HspyNodes.number(energyAxis, "offset");
        double scale = HspyNodes.number(energyAxis, "scale");
        if (Double.isNaN(offset)) {
            offset = 0;
        }
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new InvalidInputException(f + ": " + energyAxis.getPath() + " has offset " + offset + " and scale "
                    + scale + "; the energy scale must be a positive number");
        }
        EnergyAxis axis = new EnergyAxis(offset, scale, HspyNodes.text(energyAxis, "units"), dims[rank - 1]);
        Node xAxis = rank >= 2 ? experiment.getChildren().get("axis-" + (rank - 2)) : null;
        Node md = HspyNodes.child(experiment, "metadata");
        Node instrument = HspyNodes.child(experiment, "metadata/Acquisition_instrument/TEM");
        if (instrument == null) {
            instrument = HspyNodes.child(experiment, "metadata/Acquisition_instrument/SEM");
        }
        Node eds = instrument instanceof Group g ? HspyNodes.child(g, "Detector/EDS") : null;
        Node signal = md instanceof Group g ? HspyNodes.child(g, "Signal") : null;
        Node sample = md instanceof Group g ? HspyNodes.child(g, "Sample") : null;
        return new SpectrumImage(rank == 3 ? dims[0] : 1, rank >= 2 ? dims[rank - 2] : 1, axis,
                HspyNodes.number(xAxis, "scale"), HspyNodes.text(xAxis, "units"), HspyNodes.text(signal, "signal_type"),
                HspyNodes.number(instrument, "beam_energy"), HspyNodes.number(eds, "live_time"),
                HspyNodes.number(eds, "real_time"), HspyNodes.stringList(sample, "elements"),
                HspyNodes.text(eds, "detector_type"), f, HspyFormat.NAME, "", dataType, Double.NaN);
    }
}
