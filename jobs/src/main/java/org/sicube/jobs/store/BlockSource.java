package org.sicube.jobs.store;

import java.io.IOException;
import java.io.Serializable;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.PixelBlock;

/**
 * Where a new store's blocks come from (an input file, a generator): a small serializable
 * description shipped to executors, each of which opens its own producer once per partition.
 */
public interface BlockSource extends Serializable {

    /** Per-partition state (an open file, a generator's tables), closed after the partition. */
    interface Producer extends AutoCloseable {
        PixelBlock produce(BlockGrid.Tile tile) throws IOException;

        @Override
        void close() throws IOException;
    }

    Producer open() throws IOException;
}
