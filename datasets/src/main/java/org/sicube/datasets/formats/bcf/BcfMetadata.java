package org.sicube.datasets.formats.bcf;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the hypermap header ({@code EDSDatabase/HeaderData}) of a Bruker {@code .bcf} says, before
 * any downsampling: map size in pixels, energy calibration of channel {@code i} as
 * {@code offsetKeV + i * scaleKeV} over {@code channels} channels, beam energy (kV, i.e. keV per
 * electron), pixel size ({@code pixelUnits}: "µm", or "pix" when uncalibrated), real and live time
 * (s), tagged elements, and the acquisition date and time (null when absent). Unknown numbers are NaN.
 */
public record BcfMetadata(
        int width,
        int height,
        int channels,
        double offsetKeV,
        double scaleKeV,
        double beamEnergyKeV,
        String detector,
        List<String> elements,
        double pixelSizeX,
        double pixelSizeY,
        String pixelUnits,
        double realTimeS,
        double liveTimeS,
        double magnification,
        double elevationAngleDeg,
        double azimuthAngleDeg,
        LocalDate date,
        LocalTime time,
        long sumSpectrumMax) {

    public BcfMetadata {
        elements = List.copyOf(elements);
    }

    /** "EDS_TEM" above 30 kV, else "EDS_SEM": the file does not say, the beam energy decides (as HyperSpy does). */
    public String signalType() {
        return beamEnergyKeV > 30 ? "EDS_TEM" : "EDS_SEM";
    }

    /**
     * Smallest unsigned integer type that holds every count, estimated as HyperSpy does from the sum
     * spectrum: twice its highest channel per pixel times the pixels summed by downsampling.
     */
    public String dataType(int downsample) {
        long roof = sumSpectrumMax / Math.max(1, width) / Math.max(1, height) * 2L * downsample * downsample;
        return roof > 0xFFFF ? "uint32" : roof > 0xFF ? "uint16" : "uint8";
    }
}
