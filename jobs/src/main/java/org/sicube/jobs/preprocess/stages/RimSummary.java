package org.sicube.jobs.preprocess.stages;

import java.util.HashMap;
import java.util.Map;
import org.sicube.transforms.background.LocalBackgroundAveraging;
import org.sicube.transforms.background.PowerLawBackground;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.spatial.BlockRim;

/**
 * Every block's rim of power-law window features ({@link BlockRim}, width R), keyed by the block's
 * top-left pixel: what {@link LbaStage} needs from the neighbours of each block, about 4·R/side of
 * the pixels times F numbers each (F = 2 for the two-area methods).
 */
final class RimSummary implements Summary {
    private final LbaStage stage;
    private final EnergyGrid grid;
    private final HashMap<Long, double[]> rims = new HashMap<>();
    private transient LocalBackgroundAveraging lba;

    RimSummary(LbaStage stage, EnergyGrid grid) {
        this.stage = stage;
        this.grid = grid;
    }

    static long key(int y0, int x0) {
        return ((long) y0 << 32) | x0;
    }

    Map<Long, double[]> rims() {
        return rims;
    }

    @Override
    public void add(WorkBlock b) {
        PowerLawBackground bg = stage.background(grid);
        if (lba == null) {
            lba = new LocalBackgroundAveraging(bg, grid.channels());
        }
        BlockRim rim = new BlockRim(b.height, b.width, stage.radius(), bg.featureCount());
        rims.put(key(b.y0, b.x0), rim.extract(lba.features(b.data, b.pixels())));
    }

    @Override
    public Summary merge(Summary other) {
        rims.putAll(((RimSummary) other).rims);
        return this;
    }
}
