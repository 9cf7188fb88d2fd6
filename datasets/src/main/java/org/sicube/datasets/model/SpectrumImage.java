package org.sicube.datasets.model;

import java.util.List;

/**
 * Header of a spectrum image {@code (ny, nx, E)}: shape, energy axis, spatial calibration and
 * acquisition metadata. Units: pixel size in {@code pixelUnits}, beam energy in keV, times in s.
 * Unknown numbers are {@code NaN}, unknown strings are empty.
 */
public record SpectrumImage(
        int ny,
        int nx,
        EnergyAxis energy,
        double pixelSize,
        String pixelUnits,
        String signalType,
        double beamEnergyKeV,
        double liveTimeS,
        double realTimeS,
        List<String> elements,
        String detector,
        String sourceFile,
        String sourceFormat,
        String sourceSha256,
        String dataType,
        double totalCounts) {

    public SpectrumImage {
        if (ny <= 0 || nx <= 0) {
            throw new IllegalArgumentException("spectrum image needs a positive shape, got " + ny + "x" + nx);
        }
        pixelUnits = orEmpty(pixelUnits);
        signalType = orEmpty(signalType);
        elements = elements == null ? List.of() : List.copyOf(elements);
        detector = orEmpty(detector);
        sourceFile = orEmpty(sourceFile);
        sourceFormat = orEmpty(sourceFormat);
        sourceSha256 = orEmpty(sourceSha256);
        dataType = orEmpty(dataType);
    }

    /** A header with only shape and axis known; everything else unknown. */
    public static SpectrumImage of(int ny, int nx, EnergyAxis energy) {
        return new SpectrumImage(ny, nx, energy, Double.NaN, "", "", Double.NaN, Double.NaN, Double.NaN,
                List.of(), "", "", "", "", "", Double.NaN);
    }

    public int channels() {
        return energy.size();
    }

    public long spectra() {
        return (long) ny * nx;
    }

    public SpectrumImage withTotalCounts(double total) {
        return new SpectrumImage(ny, nx, energy, pixelSize, pixelUnits, signalType, beamEnergyKeV, liveTimeS,
                realTimeS, elements, detector, sourceFile, sourceFormat, sourceSha256, dataType, total);
    }

    public SpectrumImage withSource(String file, String format, String sha256) {
        return new SpectrumImage(ny, nx, energy, pixelSize, pixelUnits, signalType, beamEnergyKeV, liveTimeS,
                realTimeS, elements, detector, file, format, sha256, dataType, totalCounts);
    }

    public SpectrumImage withEnergy(EnergyAxis axis) {
        return new SpectrumImage(ny, nx, axis, pixelSize, pixelUnits, signalType, beamEnergyKeV, liveTimeS,
                realTimeS, elements, detector, sourceFile, sourceFormat, sourceSha256, dataType, totalCounts);
    }

    public SpectrumImage withShape(int newNy, int newNx) {
        return new SpectrumImage(newNy, newNx, energy, pixelSize, pixelUnits, signalType, beamEnergyKeV, liveTimeS,
                realTimeS, elements, detector, sourceFile, sourceFormat, sourceSha256, dataType, totalCounts);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
