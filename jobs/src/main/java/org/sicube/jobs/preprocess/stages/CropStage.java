package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.physics.EnergyGrid;

/** {@code crop}: keeps the channels whose centres lie in {@code range: [from, to]} eV. */
public record CropStage(String key, double fromEv, double toEv) implements Stage {

    static CropStage parse(StageParams p) {
        p.allowOnly("range");
        double[] r = p.pair("range");
        return new CropStage(p.key("range"), r[0], r[1]);
    }

    @Override
    public String type() {
        return "crop";
    }

    /** First kept channel of {@code in}. */
    int first(EnergyGrid in) {
        return Math.max(0, (int) Math.ceil(in.channelOf(fromEv) - 1e-9));
    }

    /** One past the last kept channel of {@code in}. */
    int end(EnergyGrid in) {
        return Math.min(in.channels(), (int) Math.floor(in.channelOf(toEv) + 1e-9) + 1);
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        EnergyRange.check(key, type(), fromEv, toEv, in);
        int first = first(in);
        int n = end(in) - first;
        if (n < 1) {
            throw new IllegalArgumentException("config key " + key + " (crop): [" + fromEv + ", " + toEv
                    + "] eV holds no channel centre");
        }
        return new EnergyGrid(n, in.energyEv(first), in.scaleEv());
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        int first = first(in);
        double[] out = new double[end(in) - first];
        return (s, maps) -> {
            System.arraycopy(s, first, out, 0, out.length);
            return out;
        };
    }
}
