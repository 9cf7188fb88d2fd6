package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.background.Snip;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code snip}: SNIP background subtraction ({@link Snip}) with clipping windows 1..{@code window}
 * channels (about the full width of the widest peak).
 */
public record SnipStage(String key, int window) implements Stage {

    static SnipStage parse(StageParams p) {
        p.allowOnly("window");
        int w = p.integer("window", 0);
        if (w < 1) {
            throw p.error("window", "must be a positive number of channels, got " + (p.has("window") ? w : "nothing"));
        }
        return new SnipStage(p.key("window"), w);
    }

    @Override
    public String type() {
        return "snip";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        if (window > (in.channels() - 1) / 2) {
            throw new IllegalArgumentException("config key " + key + " (snip): " + window
                    + " channels is more than half of the " + in.channels() + " channels");
        }
        return in;
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        Snip snip = new Snip(in.channels(), window);
        double[] work = new double[in.channels()];
        return (s, maps) -> {
            snip.subtract(s, work);
            return s;
        };
    }
}
