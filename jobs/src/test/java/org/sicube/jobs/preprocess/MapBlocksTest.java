package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.testing.TestSpark;

/**
 * The driver side of the single map pass: a 3×4 image in two blocks (3×2 each) with two maps,
 * sent in any order and with one block twice (a re-run task), as the accumulator may deliver them.
 */
class MapBlocksTest {
    private static final List<String> NAMES = List.of("shift", "divisor");

    private static MapBlocks.Entry left() {
        return new MapBlocks.Entry(0, 0, 3, 2, 21, new float[][] {{1, 2, 3, 4, 5, 6}, {10, 20, 30, 40, 50, 60}});
    }

    private static MapBlocks.Entry right() {
        return new MapBlocks.Entry(0, 2, 3, 2, 57, new float[][] {{7, 8, 9, 10, 11, 12}, {-1, -2, -3, -4, -5, -6}});
    }

    /**
     * A block sent twice counts once, and totals are summed in block order: 1e16 + 1 + 1 is 1e16
     * in that order (each +1 rounds back, ties to even) but 1e16 + 2 when the ones arrive first.
     */
    @Test
    void duplicatesCountOnceAndTheTotalDoesNotDependOnArrivalOrder() {
        MapBlocks.Entry big = new MapBlocks.Entry(0, 0, 1, 1, 1e16, null);
        MapBlocks.Entry one = new MapBlocks.Entry(0, 1, 1, 1, 1.0, null);
        MapBlocks.Entry two = new MapBlocks.Entry(0, 2, 1, 1, 1.0, null);
        assertEquals(1e16, new MapBlocks(List.of(one, two, two, big)).total(), 0.0);
        assertEquals(1e16, new MapBlocks(List.of(big, one, two)).total(), 0.0);
        assertEquals(2, new MapBlocks(List.of(right(), left(), right())).entries().size());
    }

    @Test
    void imagesPlaceEachBlockRowMajor() {
        MapBlocks m = new MapBlocks(List.of(right(), left()));
        assertArrayEquals(new double[] {1, 2, 7, 8, 3, 4, 9, 10, 5, 6, 11, 12}, m.image(0, 3, 4), 0.0);
        assertArrayEquals(new double[] {10, 20, -1, -2, 30, 40, -3, -4, 50, 60, -5, -6}, m.image(1, 3, 4), 0.0);
    }

    /** The maps written as {@code maps/} and read back by Spark (as later jobs and the large-map path read them) give the same images. */
    @Test
    void writtenMapsReadBackBySparkGiveTheSameImages(@TempDir java.nio.file.Path tmp) throws Exception {
        MapBlocks m = new MapBlocks(List.of(left(), right()));
        String dir = tmp.resolve(MapRows.DIR).toString();
        SparkSession spark = TestSpark.get();
        MapFileWriter.write(m, NAMES, new org.apache.hadoop.fs.Path(dir), spark.sparkContext().hadoopConfiguration());
        Dataset<Row> read = spark.read().parquet(dir);
        // Spark reads every Parquet column back as nullable; names and types are Spark's own.
        assertEquals(MapRows.SCHEMA.simpleString(), read.schema().simpleString());
        MapBlocks back = MapBlocks.fromRows(read.collectAsList(), NAMES);
        for (int k = 0; k < NAMES.size(); k++) {
            assertArrayEquals(m.image(k, 3, 4), back.image(k, 3, 4), 0.0, NAMES.get(k));
        }
    }

    @Test
    void onlyMapsThatFitTheDriverBudgetAreGathered() {
        assertTrue(MapBlocks.collects(10_000_000L, List.of("a", "b", "c", "d", "e", "f")));
        assertFalse(MapBlocks.collects(100_000_000L, List.of("a")));
    }
}
