package org.sicube.jobs.preprocess.stages;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.sicube.transforms.calibration.Cow;
import org.sicube.transforms.calibration.ReferenceShiftFit;
import org.sicube.transforms.calibration.ShiftApply;
import org.sicube.transforms.calibration.SubChannelShift;
import org.sicube.transforms.calibration.ZeroLossAlign;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code align}: moves every spectrum by a sub-channel shift ({@link ShiftApply}, counts
 * conserved). {@code method: fit} (default) fits each spectrum as a scaled, shifted copy of the
 * sum spectrum of all pixels plus a linear background ({@link ReferenceShiftFit}) over
 * {@code window: [from, to]} eV (channels whose centres lie in [from, to); default the whole
 * range; choose it around edges that most pixels share), split into segments of about
 * {@code segment} channels (default: one) that each get their own scale and background, so that
 * edges only some phases have do not bias the others; {@code method: xcorr} cross-correlates
 * with the sum spectrum ({@link SubChannelShift}; biased towards zero shift by a steep
 * background); both search ±{@code maxShift} channels (default 10). {@code method: zlp} puts the
 * zero-loss peak centre ({@link ZeroLossAlign}) on {@code energy} eV (default 0). Map
 * {@code shift}: the shift applied, in channels (positive = moved to higher energy, so minus the
 * measured drift); NaN (spectrum unchanged) where no shift was found. {@code method: cow} warps
 * each spectrum non-rigidly onto the sum spectrum ({@link Cow}, {@code segments} pieces of the
 * axis, each up to {@code slack} channels longer or shorter; linear resampling, so counts are
 * only approximately conserved); map {@code warp}: the mean absolute warp in channels.
 */
public record AlignStage(String key, String method, int maxShift, double energyEv, double fromEv, double toEv,
        int segment, int segments, int slack, double[] reference) implements Stage {

    static AlignStage parse(StageParams p) {
        p.allowOnly("method", "maxShift", "energy", "window", "segment", "segments", "slack");
        String m = p.text("method", "fit");
        if (!List.of("fit", "xcorr", "zlp", "cow").contains(m)) {
            throw p.error("method", "must be fit, xcorr, zlp or cow, got '" + m + "'");
        }
        for (String k : List.of("segments", "slack")) {
            if (!m.equals("cow") && p.has(k)) {
                throw p.error(k, "only applies to method cow");
            }
        }
        if (m.equals("cow") && p.has("maxShift")) {
            throw p.error("maxShift", "does not apply to method cow (use slack)");
        }
        int segments = p.integer("segments", 20);
        if (segments < 1) {
            throw p.error("segments", "must be at least 1, got " + segments);
        }
        int slack = p.integer("slack", 3);
        if (slack < 0) {
            throw p.error("slack", "must be at least 0 channels, got " + slack);
        }
        int max = p.integer("maxShift", 10);
        if (max < 1) {
            throw p.error("maxShift", "must be at least 1 channel, got " + max);
        }
        if (!m.equals("zlp") && p.has("energy")) {
            throw p.error("energy", "only applies to method zlp");
        }
        for (String k : List.of("window", "segment")) {
            if (!m.equals("fit") && p.has(k)) {
                throw p.error(k, "only applies to method fit");
            }
        }
        int segment = p.integer("segment", Integer.MAX_VALUE);
        if (segment < 8) {
            throw p.error("segment", "must be at least 8 channels, got " + segment);
        }
        double[] w = p.has("window") ? p.pair("window") : new double[] {Double.NaN, Double.NaN};
        return new AlignStage(p.path(), m, max, p.number("energy", 0.0), w[0], w[1], segment, segments, slack, null);
    }

    @Override
    public String type() {
        return "align";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        if (method.equals("cow")) {
            int length = (in.channels() - 1) / segments;
            if (length < slack + 2) {
                throw new IllegalArgumentException("config key " + key + ".segments (align): " + segments
                        + " segments of " + in.channels() + " channels are " + length + " channels long, fewer than"
                        + " slack + 2 = " + (slack + 2) + "; use fewer segments or less slack");
            }
            return in;
        }
        if (maxShift > in.channels() / 2) {
            throw new IllegalArgumentException("config key " + key + ".maxShift (align): " + maxShift
                    + " channels is more than half of the " + in.channels() + " channels");
        }
        if (hasWindow()) {
            EnergyRange.check(key + ".window", type(), fromEv, toEv, in);
            int[] c = windowChannels(in);
            if (Math.min(c[1], in.channels() - maxShift) - Math.max(c[0], maxShift) < 8) {
                throw new IllegalArgumentException("config key " + key + ".window (align): fewer than 8 channels"
                        + " lie in the window at least maxShift = " + maxShift + " channels from the ends");
            }
        }
        return in;
    }

    @Override
    public List<String> maps() {
        return List.of(method.equals("cow") ? "warp" : "shift");
    }

    /** fit, xcorr and cow compare with the sum spectrum of all pixels at this stage's input. */
    @Override
    public Summary summary(EnergyGrid in, ImageShape shape) {
        return method.equals("zlp") ? null : new ReferenceSum(in.channels());
    }

    @Override
    public Stage bind(Summary done, JavaSparkContext spark) {
        return new AlignStage(key, method, maxShift, energyEv, fromEv, toEv, segment, segments, slack,
                ((ReferenceSum) done).spectrum());
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        ShiftApply shifter = new ShiftApply(in.channels());
        switch (method) {
            case "cow" -> {
                Cow cow = new Cow(in.channels(), in.channels(), (in.channels() - 1) / segments, slack);
                double[] warped = new double[in.channels()];
                return (s, maps) -> {
                    cow.warp(s, reference, warped);
                    maps[0] = cow.meanAbsoluteWarp();
                    return warped;
                };
            }
            case "zlp" -> {
                ZeroLossAlign zlp = new ZeroLossAlign(0.5, maxShift);
                return (s, maps) -> apply(shifter, s, zlp.shiftToEnergy(s, in, energyEv), maps);
            }
            case "xcorr" -> {
                SubChannelShift xcorr = new SubChannelShift(in.channels(), maxShift);
                return (s, maps) -> apply(shifter, s, -xcorr.estimate(s, reference), maps);
            }
            default -> {
                int[] c = hasWindow() ? windowChannels(in) : new int[] {0, in.channels()};
                ReferenceShiftFit fit = new ReferenceShiftFit(reference, c[0], c[1], maxShift, segment);
                return (s, maps) -> apply(shifter, s, -fit.estimate(s), maps);
            }
        }
    }

    private boolean hasWindow() {
        return !Double.isNaN(fromEv);
    }

    /** Channels whose centres lie in [from, to) eV, as {@code [first, end)}. */
    private int[] windowChannels(EnergyGrid in) {
        int first = (int) Math.max(0, Math.ceil(in.channelOf(fromEv) - 1e-9));
        int end = (int) Math.min(in.channels(), Math.ceil(in.channelOf(toEv) - 1e-9));
        return new int[] {first, end};
    }

    private static double[] apply(ShiftApply shifter, double[] s, double shift, double[] maps) {
        if (Double.isFinite(shift)) {
            shifter.apply(s, shift);
            maps[0] = shift;
        } else {
            maps[0] = Double.NaN;
        }
        return s;
    }
}
