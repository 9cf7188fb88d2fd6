package org.sicube.jobs.preprocess.stages;

import java.util.List;
import org.sicube.transforms.normalization.MaxPeakNormalization;
import org.sicube.transforms.normalization.ReferencePeakNormalization;
import org.sicube.transforms.normalization.SnvNormalization;
import org.sicube.transforms.normalization.SpectrumNormalization;
import org.sicube.transforms.normalization.TotalCountsNormalization;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code normalize}: {@code method} none | total (sum to {@code target}, default 1) | max (largest
 * channel in {@code window: [from, to]} eV, default all, to 1) | snv ((x − mean)/std) | reference
 * (the counts in {@code window} eV to {@code target}, default 1). Map {@code divisor}: what each
 * spectrum was divided by (the std for snv; NaN where it was left unchanged). Any method but none
 * makes the data non-Poisson.
 */
public record NormalizeStage(String key, String method, double fromEv, double toEv, double target) implements Stage {

    static NormalizeStage parse(StageParams p) {
        p.allowOnly("method", "window", "target");
        String m = p.text("method", null);
        if (m == null) {
            throw p.error("method", "is required: none, total, max, snv or reference");
        }
        boolean windowed = m.equals("max") || m.equals("reference");
        boolean targeted = m.equals("total") || m.equals("reference");
        switch (m) {
            case "none", "total", "max", "snv", "reference" -> { }
            default -> throw p.error("method", "must be none, total, max, snv or reference, got '" + m + "'");
        }
        if (!windowed && p.has("window")) {
            throw p.error("window", "only applies to methods max and reference");
        }
        if (!targeted && p.has("target")) {
            throw p.error("target", "only applies to methods total and reference");
        }
        double[] w = m.equals("reference") || p.has("window") ? p.pair("window") : new double[] {Double.NaN, Double.NaN};
        return new NormalizeStage(p.key("window"), m, w[0], w[1], p.positive("target", p.number("target", 1.0)));
    }

    @Override
    public String type() {
        return "normalize";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        if (!Double.isNaN(fromEv)) {
            EnergyRange.check(key, type(), fromEv, toEv, in);
        }
        return in;
    }

    @Override
    public List<String> maps() {
        return method.equals("none") ? List.of() : List.of("divisor");
    }

    @Override
    public boolean normalizes() {
        return !method.equals("none");
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        SpectrumNormalization n = switch (method) {
            case "total" -> new TotalCountsNormalization(target);
            case "snv" -> new SnvNormalization();
            case "reference" -> new ReferencePeakNormalization(in, fromEv, toEv, target);
            case "max" -> Double.isNaN(fromEv) ? new MaxPeakNormalization(0, in.channels())
                    : new MaxPeakNormalization(Math.max(0, (int) Math.ceil(in.channelOf(fromEv) - 1e-9)),
                            Math.min(in.channels(), (int) Math.ceil(in.channelOf(toEv) - 1e-9)));
            default -> null;
        };
        if (n == null) {
            return (s, maps) -> s;
        }
        return (s, maps) -> {
            maps[0] = n.apply(s);
            return s;
        };
    }
}
