package org.sicube.datasets.formats.dm;

/**
 * Acquisition tags of a DigitalMicrograph image ({@code ImageTags}), where present (NaN or "" when
 * not): beam energy in keV (from {@code Microscope Info/Voltage} in V), EELS exposure per frame and
 * integration time in s, dispersion in eV per channel, convergence and collection semi-angles in
 * mrad, EDS live and real time in s, and the signal kind ("EELS", "EDS_TEM" or "").
 */
public record DmAcquisition(String signalType, double beamEnergyKeV, double exposureS, double integrationTimeS,
                            double dispersionEvPerChannel, double convergenceMrad, double collectionMrad,
                            double liveTimeS, double realTimeS, String microscope, String detector) {

    static DmAcquisition of(DmGroup tags) {
        String signal = tags.text("Meta Data:Signal");
        String kind = signal.equalsIgnoreCase("EELS") || tags.find("spim:eels") != null ? "EELS"
                : signal.equalsIgnoreCase("X-ray") || signal.equalsIgnoreCase("EDS") ? "EDS_TEM" : "";
        double exposure = first(tags, "EELS:Acquisition:Exposure (s)");
        double integration = first(tags, "EELS:Acquisition:Integration time (s)");
        double frames = first(tags, "EELS:Acquisition:Number of frames");
        if (Double.isNaN(integration) && !Double.isNaN(exposure)) {
            integration = exposure * (Double.isNaN(frames) ? 1 : frames);
        }
        String microscope = tags.text("Microscope Info:Name");
        return new DmAcquisition(kind,
                first(tags, "Microscope Info:Voltage") / 1000.0,
                exposure,
                integration,
                first(tags, "EELS Spectrometer:Dispersion (eV/ch)", "EELS:Acquisition:Dispersion (eV/ch)"),
                first(tags, "EELS:Experimental Conditions:Convergence semi-angle (mrad)"),
                first(tags, "EELS:Experimental Conditions:Collection semi-angle (mrad)"),
                first(tags, "EDS:Live time", "EDS:Live_time", "EDS:Acquisition:Live time"),
                first(tags, "EDS:Real time", "EDS:Real_time", "EDS:Acquisition:Real time"),
                microscope.isEmpty() ? tags.text("Session Info:Microscope") : microscope,
                tags.text("EELS Spectrometer:Instrument name"));
    }

    private static double first(DmGroup tags, String... paths) {
        for (String p : paths) {
            double v = tags.number(p);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }
}
