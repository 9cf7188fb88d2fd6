package org.sicube.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.testing.TestSpark;

class BlockStoreTest {

    /** Pixel (y, x) channel e: low counts in the left half (sparse blocks), real values in the right half (dense). */
    static float value(int y, int x, int e) {
        if (x < 20) {
            long h = new SplittableRandom(31L * y + 7L * x + e).nextInt(40);
            return h < 3 ? h : 0;
        }
        return (float) (Math.sin(y * 0.1 + x * 0.01 + e * 0.3) * 100.5);
    }

    record Analytic(int channels) implements BlockSource {
        @Override
        public Producer open() {
            return new Producer() {
                @Override
                public PixelBlock produce(BlockGrid.Tile t) {
                    PixelBlock b = PixelBlock.empty(t.y0(), t.x0(), t.height(), t.width(), channels);
                    for (int y = t.y0(); y < t.y0() + t.height(); y++) {
                        for (int x = t.x0(); x < t.x0() + t.width(); x++) {
                            for (int e = 0; e < channels; e++) {
                                b.counts()[b.offsetOf(y, x) + e] = value(y, x, e);
                            }
                        }
                    }
                    return b;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void roundTripDenseAndSparseWithAwkwardBlocks(@TempDir Path dir) throws Exception {
        SparkSession spark = TestSpark.get();
        int ny = 23, nx = 41, channels = 64;
        SpectrumImage h = SpectrumImage.of(ny, nx, new EnergyAxis(-0.5, 0.01, "keV", channels));
        BlockGrid grid = new BlockGrid(ny, nx, 7, 13);
        String out = dir.resolve("store").toString();
        AtomicOutput ao = AtomicOutput.begin(out, false, spark.sparkContext().hadoopConfiguration());
        SpectrumImage done = StoreWriter.write(spark, new Analytic(channels), h, grid, ao, "test");
        StoreWriter.commit(ao, done, grid);

        double expectedTotal = 0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                for (int e = 0; e < channels; e++) {
                    expectedTotal += value(y, x, e);
                }
            }
        }
        assertEquals(expectedTotal, done.totalCounts(), 1e-9 * Math.abs(expectedTotal));
        // The sum spectrum recorded beside the header: every value rounded to 2^-20 in fixed point,
        // so within ny·nx·2^-21 of the double sum (and in fact exactly the fixed-point sum).
        double[] recorded = BlockStore.readSumSpectrum(out, spark.sparkContext().hadoopConfiguration(), channels);
        for (int e = 0; e < channels; e++) {
            double expected = 0;
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    expected += value(y, x, e);
                }
            }
            assertEquals(expected, recorded[e], ny * nx * Math.scalb(1.0, -21), "channel " + e);
        }
        assertEquals(done, BlockStore.readHeader(out, spark.sparkContext().hadoopConfiguration()).header());

        List<PixelBlock> blocks = BlockStore.readBlocks(spark, out).collect();
        assertEquals(grid.size(), blocks.size());
        for (PixelBlock b : blocks) {
            float[] expected = new Analytic(channels).open().produce(
                    new BlockGrid.Tile(b.y0(), b.x0(), b.height(), b.width())).counts();
            assertArrayEquals(expected, b.counts(), "block at " + b.y0() + "," + b.x0());
        }
        // Both encodings are in use and readable by any Parquet reader.
        List<Row> encodings = spark.read().parquet(out + "/blocks").select("encoding").distinct().collectAsList();
        assertEquals(2, encodings.size());
        // No temporary directory is left beside the store.
        try (var files = Files.list(dir)) {
            assertEquals(List.of("store"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void existingOutputIsRefusedAndInputsAreNeverReplaced(@TempDir Path dir) throws Exception {
        SparkSession spark = TestSpark.get();
        var conf = spark.sparkContext().hadoopConfiguration();
        Path existing = Files.createDirectories(dir.resolve("taken"));
        var e = assertThrows(InvalidInputException.class, () -> AtomicOutput.begin(existing.toString(), false, conf));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        Path input = Files.writeString(dir.resolve("taken/in.rpl"), "x");
        var e2 = assertThrows(InvalidInputException.class,
                () -> AtomicOutput.begin(existing.toString(), true, conf, input.toString()));
        assertTrue(e2.getMessage().contains("replace the input"), e2.getMessage());
        assertTrue(Files.exists(input));
        var e3 = assertThrows(InvalidInputException.class, () -> BlockStore.readHeader(dir.toString(), conf));
        assertTrue(e3.getMessage().contains("not a sicube block store"), e3.getMessage());
    }

    @Test
    void abortedOutputLeavesNothing(@TempDir Path dir) throws Exception {
        var conf = TestSpark.get().sparkContext().hadoopConfiguration();
        AtomicOutput ao = AtomicOutput.begin(dir.resolve("s").toString(), false, conf);
        ao.abort();
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
