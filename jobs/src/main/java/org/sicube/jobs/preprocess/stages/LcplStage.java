package org.sicube.jobs.preprocess.stages;

import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.sicube.transforms.background.Lcpl;
import org.sicube.transforms.background.PowerLawWindow;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code lcpl}: EELS pre-edge background as a linear combination of two power laws
 * ({@link Lcpl}) fitted in {@code window: [from, to]} eV and subtracted from the window start up.
 * The two exponents are the {@code percentiles: [low, high]} (default 10th and 90th) of the
 * per-pixel two-area exponents over the whole image, from a histogram pass before the chain; the
 * amplitudes are fitted per pixel by non-negative, Poisson-weighted least squares. Maps
 * {@code A_low}, {@code A_high} (counts·eV^(r−1) of each law) and {@code chi2} (reduced χ² of the
 * window); NaN where the window holds no counts (spectrum unchanged).
 */
public record LcplStage(String key, double fromEv, double toEv, double low, double high, double[] exponents)
        implements Stage {

    static LcplStage parse(StageParams p) {
        p.allowOnly("window", "percentiles");
        double[] w = p.pair("window");
        double[] q = p.has("percentiles") ? p.pair("percentiles") : new double[] {10, 90};
        if (q[0] < 0 || q[1] > 100) {
            throw p.error("percentiles", "must lie in [0, 100], got [" + q[0] + ", " + q[1] + "]");
        }
        return new LcplStage(p.key("window"), w[0], w[1], q[0], q[1], null);
    }

    @Override
    public String type() {
        return "lcpl";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        EnergyRange.checkPowerLawWindow(key, type(), fromEv, toEv, in);
        return in;
    }

    @Override
    public List<String> maps() {
        return List.of("A_low", "A_high", "chi2");
    }

    /** The fit weights channels by their counts as the inverse Poisson variance. */
    @Override
    public boolean requiresCounts() {
        return true;
    }

    @Override
    public Summary summary(EnergyGrid in, ImageShape shape) {
        return new ExponentSummary(in, fromEv, toEv);
    }

    @Override
    public Stage bind(Summary done, JavaSparkContext spark) {
        ExponentSummary s = (ExponentSummary) done;
        double lo = s.histogram().count() > 0 ? s.histogram().percentile(low) : Double.NaN;
        double hi = s.histogram().count() > 0 ? s.histogram().percentile(high) : Double.NaN;
        if (!(lo < hi)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "config key %s (lcpl): the %s and %s"
                    + " percentiles of the %d per-pixel exponents (%.4f, %.4f) do not differ; widen the"
                    + " percentiles or use powerlaw", key.replace(".window", ".percentiles"), low, high,
                    s.histogram().count(), lo, hi));
        }
        System.out.printf(Locale.ROOT, "lcpl: exponents %.4f and %.4f (percentiles %s, %s of %d pixel fits)%n",
                lo, hi, low, high, s.histogram().count());
        return new LcplStage(key, fromEv, toEv, low, high, new double[] {lo, hi});
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        Lcpl lcpl = new Lcpl(in, PowerLawWindow.of(in, fromEv, toEv), exponents[0], exponents[1]);
        return (s, maps) -> {
            lcpl.fitAndSubtract(s);
            maps[0] = lcpl.amplitudeLow();
            maps[1] = lcpl.amplitudeHigh();
            maps[2] = lcpl.reducedChiSquare();
            return s;
        };
    }
}
