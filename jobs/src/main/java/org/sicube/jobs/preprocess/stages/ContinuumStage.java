package org.sicube.jobs.preprocess.stages;

import java.util.List;
import java.util.Locale;
import org.sicube.transforms.background.KramersContinuum;
import org.sicube.transforms.background.LineFreeChannels;
import org.sicube.transforms.physics.DetectorEfficiency;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.physics.XrayLineTable;

/**
 * {@code continuum}: EDS bremsstrahlung background ({@link KramersContinuum}: Kramers' law times
 * the standard detector efficiency, with an optional polynomial correction of {@code order} 0–2),
 * fitted per pixel by Poisson maximum likelihood over {@code range: [from, to]} eV (default 200 eV
 * to the top of the grid) outside ±{@code lineWidth} FWHM (default 2) of the lines of
 * {@code elements} (default: the store header's), FWHM from {@code fwhm} eV at Mn Kα (default 130),
 * beam energy {@code beamEnergy} keV (default: the header's); subtracted over the range. Map
 * {@code scale}: the Kramers factor in counts per keV where (E0 − E)/E · ε = 1.
 */
public record ContinuumStage(String key, List<String> elements, double beamEnergyKeV, double fromEv, double toEv,
        double fwhmEv, double lineWidth, int order) implements Stage {

    static ContinuumStage parse(StageParams p, Acquisition acquisition) {
        p.allowOnly("elements", "beamEnergy", "range", "fwhm", "lineWidth", "order");
        List<String> elements = p.has("elements") ? p.texts("elements") : acquisition.elements();
        if (elements.isEmpty()) {
            throw p.error("elements", "the store's header names no elements; list them, e.g. elements: [Fe, Cr, Ni]");
        }
        for (String e : elements) {
            if (!XrayLineTable.get().contains(e)) {
                throw p.error("elements", "no X-ray lines tabulated for '" + e + "'" + (p.has("elements") ? ""
                        : " (from the store's header)") + "; give elements: [...] with known symbols");
            }
        }
        double e0 = p.has("beamEnergy") ? p.number("beamEnergy") : acquisition.beamEnergyKeV();
        if (!(e0 > 0) || !Double.isFinite(e0)) {
            throw p.error("beamEnergy", "must be a positive number of keV" + (p.has("beamEnergy") ? ", got " + e0
                    : "; the store's header has none, give beamEnergy: 200 for example"));
        }
        double[] range = p.has("range") ? p.pair("range") : new double[] {200, Double.NaN};
        double fwhm = p.positive("fwhm", p.number("fwhm", DetectorResolution.DEFAULT_FWHM_MNKA_EV));
        double width = p.positive("lineWidth", p.number("lineWidth", 2.0));
        int order = p.integer("order", 0);
        if (order < 0 || order > 2) {
            throw p.error("order", "must be 0, 1 or 2, got " + order);
        }
        return new ContinuumStage(p.path(), List.copyOf(elements), e0, range[0], range[1], fwhm, width, order);
    }

    @Override
    public String type() {
        return "continuum";
    }

    private double top(EnergyGrid in) {
        return Double.isNaN(toEv) ? in.energyEv(in.channels() - 0.5) : toEv;
    }

    private boolean[] free(EnergyGrid in) {
        return LineFreeChannels.of(in, fromEv, top(in), beamEnergyKeV, elements, new DetectorResolution(fwhmEv),
                lineWidth);
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        EnergyRange.check(key + ".range", type(), fromEv, top(in), in);
        int n = LineFreeChannels.count(free(in));
        if (n < 2 * (order + 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "config key %s.range (continuum): only %d"
                    + " line-free channels below the beam energy in [%s, %s] eV; widen the range or narrow lineWidth",
                    key, n, fromEv, top(in)));
        }
        return in;
    }

    @Override
    public List<String> maps() {
        return List.of("scale");
    }

    /** The Poisson likelihood needs counts. */
    @Override
    public boolean requiresCounts() {
        return true;
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        KramersContinuum k = new KramersContinuum(in, beamEnergyKeV, DetectorEfficiency.standard(), free(in), order);
        return (s, maps) -> {
            k.fitAndSubtract(s);
            maps[0] = k.scale();
            return s;
        };
    }
}
