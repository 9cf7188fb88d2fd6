package org.sicube.jobs.preprocess.stages;

import org.sicube.jobs.noise.NoiseEstimate;
import org.sicube.transforms.noise.DetectorNoise;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code gain}: digital numbers to electron counts, {@code (x − offset) / gain} for a detector
 * {@code x = g·Poisson(λ) + N(0, σr²)} ({@link DetectorNoise}); {@code gain} g in DN per count
 * (required), {@code offset} in DN (default 0), {@code readNoise} σr in DN (default 0; kept in the
 * output header's preprocessing record: the converted values have variance mean + (σr/g)²).
 * {@code from: RUN/noise.json} takes g, σr and the offset from a {@code noise} run instead.
 */
public record GainStage(double gain, double offset, double readNoise) implements Stage {

    static GainStage parse(StageParams p) {
        p.allowOnly("gain", "offset", "readNoise", "from");
        if (p.has("from")) {
            if (p.has("gain") || p.has("readNoise")) {
                throw p.error("from", "give either from (a noise.json) or gain and readNoise, not both");
            }
            NoiseEstimate e = NoiseEstimate.read(p.text("from", ""), "config key " + p.key("from"));
            return new GainStage(e.gain(), p.number("offset", e.offset()), e.readNoise());
        }
        double g = p.positive("gain", p.number("gain"));
        double rn = p.number("readNoise", 0.0);
        if (!(rn >= 0)) {
            throw p.error("readNoise", "must be ≥ 0 DN, got " + rn);
        }
        return new GainStage(g, p.number("offset", 0.0), rn);
    }

    @Override
    public String type() {
        return "gain";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        return in;
    }

    /** The input must be the detector's raw digital numbers, not normalized values. */
    @Override
    public boolean requiresCounts() {
        return true;
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        DetectorNoise noise = new DetectorNoise(gain, readNoise * readNoise);
        return (s, maps) -> {
            for (int i = 0; i < s.length; i++) {
                s[i] = noise.toCounts(s[i] - offset);
            }
            return s;
        };
    }
}
