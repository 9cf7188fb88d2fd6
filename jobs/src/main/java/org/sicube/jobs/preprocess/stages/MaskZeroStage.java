package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code mask-zero-channels}: sets to 0 the channels whose centres lie below {@code below} eV
 * (default 100): the zero-energy (noise / strobe) peak of EDS detectors and any negative-energy
 * channels, which carry no X-ray counts and would otherwise dominate a decomposition.
 */
public record MaskZeroStage(double belowEv) implements Stage {

    static MaskZeroStage parse(StageParams p) {
        p.allowOnly("below");
        return new MaskZeroStage(p.number("below", 100.0));
    }

    @Override
    public String type() {
        return "mask-zero-channels";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        return in;
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        int end = (int) Math.max(0, Math.min(in.channels(), Math.ceil(in.channelOf(belowEv) - 1e-9)));
        return (s, maps) -> {
            java.util.Arrays.fill(s, 0, end, 0.0);
            return s;
        };
    }
}
