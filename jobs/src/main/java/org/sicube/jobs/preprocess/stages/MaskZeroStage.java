package org.sicube.jobs.preprocess.stages;

import java.util.Arrays;
import java.util.List;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code mask-zero-channels}: sets to 0 the channels whose centres lie below {@code below} eV
 * (default 100): the zero-energy (noise / strobe) peak of EDS detectors and any negative-energy
 * channels, which carry no X-ray counts and would otherwise dominate a decomposition; and those
 * whose centres lie in any of {@code ranges: [[from, to], ...]} eV (detector artefacts, a
 * saturated line, an escape or sum peak). A decomposition then leaves them out as all-zero
 * channels, as it does with channels that are zero over the whole image.
 */
public record MaskZeroStage(double belowEv, List<double[]> rangesEv, String key) implements Stage {

    static MaskZeroStage parse(StageParams p) {
        p.allowOnly("below", "ranges");
        return new MaskZeroStage(p.number("below", 100.0), p.pairs("ranges"), p.key("ranges"));
    }

    @Override
    public String type() {
        return "mask-zero-channels";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        for (int i = 0; i < rangesEv.size(); i++) {
            EnergyRange.check(key + "[" + i + "]", type(), rangesEv.get(i)[0], rangesEv.get(i)[1], in);
        }
        return in;
    }

    /** True for each channel of {@code in} that the stage sets to 0. */
    boolean[] masked(EnergyGrid in) {
        boolean[] m = new boolean[in.channels()];
        for (int c = 0; c < m.length; c++) {
            double e = in.energyEv(c);
            m[c] = e < belowEv;
            for (double[] r : rangesEv) {
                m[c] |= e >= r[0] && e < r[1];
            }
        }
        return m;
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        boolean[] m = masked(in);
        int[] channels = java.util.stream.IntStream.range(0, m.length).filter(c -> m[c]).toArray();
        return (s, maps) -> {
            for (int c : channels) {
                s[c] = 0;
            }
            return s;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskZeroStage z && z.belowEv == belowEv && z.key.equals(key)
                && Arrays.deepEquals(z.rangesEv.toArray(), rangesEv.toArray());
    }

    @Override
    public int hashCode() {
        return Double.hashCode(belowEv);
    }
}
