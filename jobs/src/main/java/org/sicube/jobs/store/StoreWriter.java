package org.sicube.jobs.store;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.DoubleAccumulator;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.core.Progress;

/**
 * Builds a store from a {@link BlockSource}: the tiles are spread over partitions, each executor
 * produces and encodes its blocks, the total counts and the sum spectrum are summed on the way,
 * and the store is committed atomically with its header. Nothing proportional to the image
 * reaches the driver.
 */
public final class StoreWriter {
    private StoreWriter() {
    }

    /**
     * Writes the blocks and {@code sum_spectrum.json} into {@code out}'s temporary directory and
     * returns the header with the total counts; the caller completes it and calls {@link #commit}.
     */
    public static SpectrumImage write(SparkSession spark, BlockSource source, SpectrumImage header, BlockGrid grid,
            AtomicOutput out, String stage) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<BlockGrid.Tile> tiles = grid.tiles();
        int partitions = partitionsFor(tiles.size(), sc.defaultParallelism());
        DoubleAccumulator total = sc.sc().doubleAccumulator("total counts");
        SumSpectrumAccumulator sum = new SumSpectrumAccumulator(header.channels());
        sc.sc().register(sum, "sum spectrum");
        JavaRDD<Row> rows = sc.parallelize(tiles, partitions)
                .mapPartitions(it -> new Produced(source, it, total, sum));
        try (Progress p = Progress.start(sc, stage, tiles.size(), header.spectra())) {
            BlockStore.writeRows(spark, rows, out);
            p.done();
        }
        BlockStore.writeSumSpectrum(out, sum.value());
        return header.withTotalCounts(total.value());
    }

    /** Writes the header beside the blocks and moves the store into place. */
    public static void commit(AtomicOutput out, SpectrumImage header, BlockGrid grid) throws java.io.IOException {
        BlockStore.writeHeader(out, HeaderJson.write(header, grid.blockHeight(), grid.blockWidth()));
        out.commit();
    }

    /**
     * Enough partitions (one store file each) for progress and balance: about 16 blocks each, a
     * multiple of two per core. Files of equal size are what keeps a small store's passes balanced:
     * a reader that packs two files in a task gets equal tasks, where 104 blocks in 7 files became
     * tasks of 30, 30, 29 and 15 blocks, one core idle for a quarter of every pass.
     */
    static int partitionsFor(int blocks, int parallelism) {
        int step = 2 * Math.max(1, parallelism);
        int files = ((blocks + 15) / 16 + step - 1) / step * step;
        return Math.max(1, Math.min(blocks, files));
    }

    /** Lazily produces and encodes one partition's blocks, closing the producer after the last one. */
    private static final class Produced implements Iterator<Row> {
        private final Iterator<BlockGrid.Tile> tiles;
        private final DoubleAccumulator total;
        private final SumSpectrumAccumulator sum;
        private final BlockSource.Producer producer;
        private boolean closed;

        Produced(BlockSource source, Iterator<BlockGrid.Tile> tiles, DoubleAccumulator total, SumSpectrumAccumulator sum)
                throws Exception {
            this.tiles = tiles;
            this.total = total;
            this.sum = sum;
            this.producer = source.open();
        }

        @Override
        public boolean hasNext() {
            boolean more = tiles.hasNext();
            if (!more && !closed) {
                closed = true;
                try {
                    producer.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return more;
        }

        @Override
        public Row next() {
            try {
                PixelBlock b = producer.produce(tiles.next());
                double t = b.totalCounts();
                total.add(t);
                sum.add(b);
                return StoreRows.toRow(b, t);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
