package org.sicube.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.decompose.Decomposition;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/** Blocks kept in memory are the store's blocks, and passes over them give what passes over the store give. */
class NonZeroBlocksTest {
    @TempDir
    static Path dir;
    static String store;
    static SpectrumImage header;

    @BeforeAll
    static void synthesize() throws Exception {
        store = dir.resolve("store").toString();
        JobRun s = JobRun.of("synthesize", "--size", "40x36", "--channels", "256", "--energy-scale", "80",
                "--rare-inclusions", "0", "--feature-size", "10", "--block", "16x16", "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        header = BlockStore.readHeader(store, TestSpark.get().sparkContext().hadoopConfiguration()).header();
    }

    private static List<BlockNonZeros> sorted(List<BlockNonZeros> blocks) {
        return blocks.stream().sorted(Comparator.comparingInt(BlockNonZeros::y0).thenComparingInt(BlockNonZeros::x0))
                .toList();
    }

    private static void assertSameBlocks(List<BlockNonZeros> expected, List<BlockNonZeros> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            BlockNonZeros e = expected.get(i);
            BlockNonZeros a = actual.get(i);
            assertEquals(e.y0(), a.y0());
            assertEquals(e.x0(), a.x0());
            assertArrayEquals(e.start(), a.start());
            assertArrayEquals(e.channel(), a.channel());
            assertArrayEquals(e.value(), a.value());
        }
    }

    @Test
    void smallStoreIsKeptAndReadOnce() throws Exception {
        SparkSession spark = TestSpark.get();
        List<BlockNonZeros> fromStore = sorted(BlockStore.readNonZeros(spark, store).collect());
        int before = spark.sparkContext().getPersistentRDDs().size();
        try (NonZeroBlocks kept = NonZeroBlocks.keptIfSmall(spark, store, header)) {
            assertTrue(kept.reason().startsWith("kept in executor memory"), kept.reason());
            assertSame(kept.rdd(), kept.rdd(), "every pass must get the one kept RDD");
            assertSameBlocks(fromStore, sorted(kept.rdd().collect()));
            assertEquals(before + 1, spark.sparkContext().getPersistentRDDs().size());
        }
        assertEquals(before, spark.sparkContext().getPersistentRDDs().size(), "close must release the kept blocks");
    }

    @Test
    void blocksByOriginAreTheSameKeptOrStreamed() throws Exception {
        SparkSession spark = TestSpark.get();
        Set<Long> origins = Set.of(BlockStore.origin(0, 16), BlockStore.origin(32, 0));
        List<BlockNonZeros> streamed = sorted(NonZeroBlocks.streamed(spark, store).rdd(origins).collect());
        assertEquals(2, streamed.size());
        try (NonZeroBlocks kept = NonZeroBlocks.keptIfSmall(spark, store, header)) {
            assertSameBlocks(streamed, sorted(kept.rdd(origins).collect()));
        }
    }

    @Test
    void fitOnKeptBlocksEqualsFitOnTheStore() throws Exception {
        SparkSession spark = TestSpark.get();
        WeightedPcaModel streamed = Decomposition.fit(spark, store, 4, false);
        try (NonZeroBlocks kept = NonZeroBlocks.keptIfSmall(spark, store, header)) {
            WeightedPcaModel first = Decomposition.fit(spark, kept, 4, false);
            WeightedPcaModel second = Decomposition.fit(spark, kept, 4, false);
            // the same blocks summed in the same order: equal to rounding of the merge order only
            assertArrayEquals(streamed.explainedVarianceRatios(), first.explainedVarianceRatios(), 1e-12);
            assertArrayEquals(first.explainedVarianceRatios(), second.explainedVarianceRatios(), 0.0);
        }
    }

    @Test
    void estimateIsEightBytesPerCountForCountsAndPerChannelOtherwise() {
        assertEquals("uint32", header.dataType());
        double cells = (double) header.spectra() * header.channels();
        assertTrue(header.totalCounts() < cells, "the test store must be sparse");
        assertEquals(header.totalCounts() * 8 + 4.0 * header.spectra(), NonZeroBlocks.estimatedBytes(header), 1.0);
        SpectrumImage h = header;
        SpectrumImage floats = new SpectrumImage(h.ny(), h.nx(), h.energy(), h.pixelSize(), h.pixelUnits(),
                h.signalType(), h.beamEnergyKeV(), h.liveTimeS(), h.realTimeS(), h.elements(), h.detector(),
                h.sourceFile(), h.sourceFormat(), h.sourceSha256(), "float32", h.totalCounts());
        assertEquals(cells * 8 + 4.0 * header.spectra(), NonZeroBlocks.estimatedBytes(floats), 1.0);
    }
}
