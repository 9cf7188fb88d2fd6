package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.physics.EnergyGrid;

/** A stage that works on whole blocks (binning, spatial averaging) rather than spectrum by spectrum. */
public interface SpatialStage extends Stage {

    /** Builds the per-partition state for blocks of the image {@code shape} on the grid {@code in}. */
    BlockKernel blockKernel(EnergyGrid in, ImageShape shape);

    @Override
    default Kernel kernel(EnergyGrid in) {
        throw new UnsupportedOperationException(type() + " works on whole blocks");
    }

    /** Per-partition state of a spatial stage. */
    interface BlockKernel {
        /** Processes {@code b} in place; the map values of this stage start at {@code b.maps[firstMap]}. */
        void apply(WorkBlock b, int firstMap);
    }
}
