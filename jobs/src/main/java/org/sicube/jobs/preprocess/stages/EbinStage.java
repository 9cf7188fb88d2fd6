package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code ebin}: sums groups of {@code factor} neighbouring channels (counts conserved; a remainder
 * of fewer than {@code factor} channels at the top is dropped). The new channel centre is the mean
 * of its group's centres, the new width {@code factor} × the old.
 */
public record EbinStage(String key, int factor) implements Stage {

    static EbinStage parse(StageParams p) {
        p.allowOnly("factor");
        int f = p.integer("factor", 0);
        if (f < 1) {
            throw p.error("factor", "must be a positive integer, got " + (p.has("factor") ? f : "nothing"));
        }
        return new EbinStage(p.key("factor"), f);
    }

    @Override
    public String type() {
        return "ebin";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        if (in.channels() / factor < 1) {
            throw new IllegalArgumentException("config key " + key + " (ebin): factor " + factor + " exceeds the "
                    + in.channels() + " channels");
        }
        return new EnergyGrid(in.channels() / factor, in.energyEv(0.5 * (factor - 1)), in.scaleEv() * factor);
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        double[] out = new double[in.channels() / factor];
        return (s, maps) -> {
            for (int j = 0, i = 0; j < out.length; j++) {
                double sum = 0;
                for (int k = 0; k < factor; k++) {
                    sum += s[i++];
                }
                out[j] = sum;
            }
            return out;
        };
    }
}
