package org.sicube.jobs.synthesize;

import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.store.BlockSource;
import org.sicube.transforms.synthetic.EdsGenerator;
import org.sicube.transforms.synthetic.EdsSpec;
import org.sicube.transforms.synthetic.EelsGenerator;
import org.sicube.transforms.synthetic.EelsSpec;

/**
 * Blocks generated on the executors from a synthetic spec (exactly one of {@code eds}, {@code eels});
 * each pixel depends only on (seed, y, x), so the store is the same whatever the partitioning.
 */
record SyntheticBlockSource(EdsSpec eds, EelsSpec eels) implements BlockSource {

    @Override
    public Producer open() {
        int channels = eds != null ? eds.grid().channels() : eels.grid().channels();
        // One generator per partition: its phase tables are built once, and it is not thread-safe.
        EdsGenerator edsGen = eds != null ? new EdsGenerator(eds) : null;
        EelsGenerator eelsGen = eels != null ? new EelsGenerator(eels) : null;
        return new Producer() {
            @Override
            public PixelBlock produce(BlockGrid.Tile t) {
                PixelBlock b = PixelBlock.empty(t.y0(), t.x0(), t.height(), t.width(), channels);
                if (edsGen != null) {
                    edsGen.fill(t.y0(), t.x0(), t.height(), t.width(), b.counts());
                } else {
                    eelsGen.fill(t.y0(), t.x0(), t.height(), t.width(), b.counts());
                }
                return b;
            }

            @Override
            public void close() {
            }
        };
    }
}
