package org.sicube.datasets.formats.emd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One {@code /Data/SpectrumStream/<id>} group: its stream, metadata, channel count
 * ({@code AcquisitionSettings/bincount}), scanned area and energy calibration (eV) taken from the
 * detector(s) its {@code BinaryResult/Detector} names.
 */
record DetectorStream(String group, String detector, StreamData data, VeloxMetadata metadata, int channels,
        int ny, int nx, double dispersionEv, double offsetEv, List<VeloxMetadata.Detector> detectors) {

    /** Channel indices up to 65534: 65535 is the flyback marker. */
    static final int MAX_CHANNELS = 65535;
    static final int MAX_SIDE = 1 << 16;

    static DetectorStream open(EmdHdf hdf, String group, int[] fallbackShape) {
        String mdPath = group + "/Metadata";
        VeloxMetadata md = new VeloxMetadata(VeloxJson.column0(hdf, mdPath), mdPath);
        String settingsPath = group + "/AcquisitionSettings";
        JsonNode settings = VeloxJson.stringDataset(hdf, settingsPath);
        int channels = (int) VeloxJson.requiredLong(hdf, settingsPath, settings, "bincount", 1, MAX_CHANNELS);
        int[] shape = md.scanShape();
        if (shape == null) {
            shape = fallbackShape;
        }
        if (shape == null) {
            throw hdf.invalid(mdPath, "no Scan/ScanSize and Scan/ScanArea, and no image gives the scan size");
        }
        if (shape[0] < 1 || shape[1] < 1 || shape[0] > MAX_SIDE || shape[1] > MAX_SIDE) {
            throw hdf.invalid(mdPath, "scan area of " + shape[0] + " × " + shape[1]
                    + " pixels (Scan/ScanSize × Scan/ScanArea) is not a valid image size");
        }
        String name = md.binaryResultDetector();
        List<VeloxMetadata.Detector> dets = md.detectorsNamed(name);
        if (dets.isEmpty()) {
            throw hdf.invalid(mdPath, "no entry under Detectors with a Dispersion for the stream's detector '"
                    + name + "' (BinaryResult/Detector); the energy axis is unknown");
        }
        VeloxMetadata.Detector cal = dets.get(0);
        if (!(cal.dispersionEv() > 0) || !Double.isFinite(cal.offsetEv())) {
            throw hdf.invalid(mdPath, "detector " + cal.name() + " has Dispersion " + cal.dispersionEv()
                    + " eV and OffsetEnergy " + cal.offsetEv() + " eV; both must be finite and the dispersion positive");
        }
        String detector = name.isEmpty() ? group.substring(group.lastIndexOf('/') + 1) : name;
        return new DetectorStream(group, detector, new StreamData(hdf, group + "/Data"), md, channels,
                shape[0], shape[1], cal.dispersionEv(), cal.offsetEv(), dets);
    }

    /** True when both streams can be summed: same scan, channels and calibration. */
    boolean compatibleWith(DetectorStream o) {
        return ny == o.ny && nx == o.nx && channels == o.channels
                && dispersionEv == o.dispersionEv && offsetEv == o.offsetEv;
    }
}
