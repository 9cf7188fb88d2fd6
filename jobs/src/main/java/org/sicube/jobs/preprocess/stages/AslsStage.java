package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.background.Asls;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code asls}: asymmetric least-squares baseline subtraction ({@link Asls}) with smoothness
 * {@code lambda} (default 1e5), asymmetry {@code p} in (0, 1) (default 0.01) and at most
 * {@code iterations} re-weightings (default 10).
 */
public record AslsStage(double lambda, double p, int iterations) implements Stage {

    static AslsStage parse(StageParams s) {
        s.allowOnly("lambda", "p", "iterations");
        double lambda = s.positive("lambda", s.number("lambda", 1e5));
        double p = s.number("p", 0.01);
        if (!(p > 0 && p < 1)) {
            throw s.error("p", "must lie in (0, 1), got " + p);
        }
        int it = s.integer("iterations", 10);
        if (it < 1) {
            throw s.error("iterations", "must be at least 1, got " + it);
        }
        return new AslsStage(lambda, p, it);
    }

    @Override
    public String type() {
        return "asls";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        if (in.channels() < 3) {
            throw new IllegalArgumentException("asls needs at least 3 channels, the input has " + in.channels());
        }
        return in;
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        Asls asls = new Asls(in.channels(), lambda, p, iterations);
        double[] work = new double[in.channels()];
        return (s, maps) -> {
            asls.subtract(s, work);
            return s;
        };
    }
}
