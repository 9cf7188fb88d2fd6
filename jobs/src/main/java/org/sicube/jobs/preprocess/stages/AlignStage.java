package org.sicube.jobs.preprocess.stages;

import java.util.List;
import org.sicube.transforms.calibration.ShiftApply;
import org.sicube.transforms.calibration.SubChannelShift;
import org.sicube.transforms.calibration.ZeroLossAlign;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code align}: moves every spectrum by a sub-channel shift ({@link ShiftApply}, counts
 * conserved). {@code method: xcorr} (default) measures each spectrum's shift against the sum
 * spectrum of all pixels within ±{@code maxShift} channels ({@link SubChannelShift}; default 10);
 * {@code method: zlp} puts the zero-loss peak centre ({@link ZeroLossAlign}) on {@code energy} eV
 * (default 0). Map {@code shift}: the shift applied, in channels (positive = moved to higher
 * energy, so minus the measured drift); NaN (spectrum unchanged) where no shift was found.
 */
public record AlignStage(String key, boolean zeroLoss, int maxShift, double energyEv) implements Stage {

    static AlignStage parse(StageParams p) {
        p.allowOnly("method", "maxShift", "energy");
        String m = p.text("method", "xcorr");
        if (!m.equals("xcorr") && !m.equals("zlp")) {
            throw p.error("method", "must be xcorr or zlp, got '" + m + "'");
        }
        int max = p.integer("maxShift", 10);
        if (max < 1) {
            throw p.error("maxShift", "must be at least 1 channel, got " + max);
        }
        if (m.equals("xcorr") && p.has("energy")) {
            throw p.error("energy", "only applies to method zlp");
        }
        return new AlignStage(p.key("maxShift"), m.equals("zlp"), max, p.number("energy", 0.0));
    }

    @Override
    public String type() {
        return "align";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        if (maxShift > in.channels() / 2) {
            throw new IllegalArgumentException("config key " + key + " (align): " + maxShift
                    + " channels is more than half of the " + in.channels() + " channels");
        }
        return in;
    }

    @Override
    public List<String> maps() {
        return List.of("shift");
    }

    @Override
    public boolean needsReference() {
        return !zeroLoss;
    }

    @Override
    public Kernel kernel(EnergyGrid in, double[] reference) {
        ShiftApply shifter = new ShiftApply(in.channels());
        if (zeroLoss) {
            ZeroLossAlign zlp = new ZeroLossAlign(0.5, maxShift);
            return (s, maps) -> apply(shifter, s, zlp.shiftToEnergy(s, in, energyEv), maps);
        }
        SubChannelShift xcorr = new SubChannelShift(in.channels(), maxShift);
        return (s, maps) -> apply(shifter, s, -xcorr.estimate(s, reference), maps);
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
