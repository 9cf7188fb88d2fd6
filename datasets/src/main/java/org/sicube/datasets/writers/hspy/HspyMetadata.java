package org.sicube.datasets.writers.hspy;

import java.util.List;

/**
 * The HyperSpy metadata written for one signal: {@code General.title}, {@code Signal.signal_type}
 * ("EDS_TEM", "EDS_SEM", "EELS" or "" for a plain signal), {@code Signal.quantity} (for example
 * "Intensity (counts)"), the beam energy in keV and live time in s (NaN when unknown) and the
 * sample's elements.
 */
public record HspyMetadata(String title, String signalType, String quantity, double beamEnergyKeV,
                           double liveTimeS, List<String> elements) {

    public HspyMetadata {
        title = title == null ? "" : title;
        signalType = signalType == null ? "" : signalType;
        quantity = quantity == null ? "" : quantity;
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    /** A plain signal with a title and nothing else known. */
    public static HspyMetadata titled(String title) {
        return new HspyMetadata(title, "", "", Double.NaN, Double.NaN, List.of());
    }

    public HspyMetadata withQuantity(String newQuantity) {
        return new HspyMetadata(title, signalType, newQuantity, beamEnergyKeV, liveTimeS, elements);
    }

    public HspyMetadata withSignalType(String newType) {
        return new HspyMetadata(title, newType, quantity, beamEnergyKeV, liveTimeS, elements);
    }

    /** HyperSpy keeps SEM acquisitions under {@code Acquisition_instrument.SEM}, all others under TEM. */
    String instrument() {
        return signalType.endsWith("_SEM") ? "SEM" : "TEM";
    }

    boolean isEds() {
        return signalType.startsWith("EDS");
    }
}
