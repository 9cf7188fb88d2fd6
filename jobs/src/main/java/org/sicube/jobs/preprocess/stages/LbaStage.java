package org.sicube.jobs.preprocess.stages;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sicube.transforms.background.LocalBackgroundAveraging;
import org.sicube.transforms.background.PowerLawBackground;
import org.sicube.transforms.background.PowerLawEstimator;
import org.sicube.transforms.background.PowerLawWindow;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.spatial.HaloAssembly;
import org.sicube.transforms.spatial.NeighbourhoodMean;
import org.sicube.transforms.spatial.SpatialKernel;

/**
 * {@code lba}: local background averaging ({@link LocalBackgroundAveraging}): the power law of
 * {@code powerlaw} ({@code window}, {@code method}) fitted to the window averaged over the
 * ({@code 2·radius + 1})² pixels around each pixel ({@code kernel: box} or {@code gaussian},
 * neighbours across block borders included, clipped at the image edge) and subtracted from the
 * pixel's own spectrum. Blocks are not shuffled: a pass before the chain collects each block's rim
 * of window features ({@link RimSummary}), broadcast to the main pass. Maps A, r, and chi2 (the
 * pixel's own window against that background).
 */
public record LbaStage(String key, double fromEv, double toEv, PowerLawEstimator estimator, int radius,
        boolean gaussian, Broadcast<Map<Long, double[]>> rims) implements SpatialStage {

    static LbaStage parse(StageParams p) {
        p.allowOnly("window", "method", "radius", "kernel");
        PowerLawStage law = PowerLawStage.read(p);
        int radius = p.integer("radius", 0);
        if (radius < 1) {
            throw p.error("radius", "must be a positive number of pixels, got " + (p.has("radius") ? radius : "nothing"));
        }
        String k = p.text("kernel", "box");
        if (!k.equals("box") && !k.equals("gaussian")) {
            throw p.error("kernel", "must be box or gaussian, got '" + k + "'");
        }
        return new LbaStage(law.key(), law.fromEv(), law.toEv(), law.estimator(), radius, k.equals("gaussian"), null);
    }

    @Override
    public String type() {
        return "lba";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        EnergyRange.checkPowerLawWindow(key, type(), fromEv, toEv, in);
        return in;
    }

    @Override
    public List<String> maps() {
        return List.of("A", "r", "chi2");
    }

    @Override
    public boolean requiresCounts() {
        return estimator == PowerLawEstimator.LOG_LOG;
    }

    PowerLawBackground background(EnergyGrid in) {
        return new PowerLawBackground(in, PowerLawWindow.of(in, fromEv, toEv), estimator);
    }

    @Override
    public Summary summary(EnergyGrid in, ImageShape shape) {
        return new RimSummary(this, in);
    }

    @Override
    public Stage bind(Summary done, JavaSparkContext spark) {
        return new LbaStage(key, fromEv, toEv, estimator, radius, gaussian,
                spark.broadcast(((RimSummary) done).rims()));
    }

    @Override
    public BlockKernel blockKernel(EnergyGrid in, ImageShape shape) {
        PowerLawBackground bg = background(in);
        int f = bg.featureCount();
        LocalBackgroundAveraging lba = new LocalBackgroundAveraging(bg, in.channels());
        NeighbourhoodMean mean = new NeighbourhoodMean(new SpatialKernel(radius, gaussian), f);
        HaloAssembly halo = new HaloAssembly(shape.ny(), shape.nx(), shape.blockHeight(), shape.blockWidth(), radius, f);
        Map<Long, double[]> all = rims.value();
        return (b, firstMap) -> {
            double[] padded = mean.paddedTile(b.height, b.width);
            halo.fill(b.y0, b.x0, b.height, b.width, lba.features(b.data, b.pixels()),
                    (y, x) -> all.get(RimSummary.key(y, x)), padded);
            lba.subtract(b.data, b.pixels(), mean.mean(padded, b.height, b.width), b.maps[firstMap],
                    b.maps[firstMap + 1], b.maps[firstMap + 2]);
        };
    }
}
