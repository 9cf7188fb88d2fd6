package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.store.SumSpectrumJson;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.SumSpectrum;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;

/**
 * Store writers record the sum spectrum ({@code sum_spectrum.json}) and {@code align} takes it as
 * its reference instead of a pass over the input: on a synthetic drifting EELS image (20 × 20 px,
 * blocks of 8 × 8 so that blocks cross the image edge, 512 channels), the recorded sums equal the
 * sums of a pass over the stored blocks, and the aligned store is the same with or without the
 * recorded sum.
 */
class RecordedSumSpectrumTest {
    private static final String CONFIG = """
            stages:
              - type: align
                method: fit
                window: [420, 600]
              - type: normalize
                method: total
            """;
    private static final String SUMMARY_PASS = "summary of the input of stages[0] align";

    @TempDir
    static Path dir;
    private static String store;
    private static String bare;
    private static JobRun withSum;
    private static JobRun withoutSum;

    @BeforeAll
    static void synthesizeAndAlignTwice() throws Exception {
        store = dir.resolve("eels").toString();
        JobRun s = JobRun.of("synthesize", "--kind", "eels", "--size", "20x20", "--channels", "512",
                "--energy-offset", "400", "--block", "8x8", "--seed", "3", "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        // The same store as an older writer left it: without the recorded sum.
        Path copy = dir.resolve("bare");
        copyTree(Path.of(store), copy);
        Files.delete(copy.resolve(SumSpectrumJson.FILE_NAME));
        bare = copy.toString();
        Path config = Files.writeString(dir.resolve("align.yaml"), CONFIG);
        withSum = JobRun.of("preprocess", "--input", store, "--output", dir.resolve("a").toString(),
                "--config", config.toString());
        assertEquals(0, withSum.exitCode(), withSum.err());
        withoutSum = JobRun.of("preprocess", "--input", bare, "--output", dir.resolve("b").toString(),
                "--config", config.toString());
        assertEquals(0, withoutSum.exitCode(), withoutSum.err());
    }

    @Test
    void writersRecordTheSumOfTheirBlocks() throws Exception {
        for (String s : List.of(store, dir.resolve("a").toString())) {
            int channels = BlockStore.readHeader(s, conf()).header().channels();
            double[] recorded = BlockStore.readSumSpectrum(s, conf(), channels);
            assertNotNull(recorded, s);
            assertSameSpectrum(passSum(s, channels), recorded, s);
        }
        assertNull(BlockStore.readSumSpectrum(bare, conf(), 512));
    }

    @Test
    void alignTakesTheRecordedSumAndGivesTheSameStore() throws Exception {
        assertFalse(withSum.err().contains(SUMMARY_PASS), withSum.err());
        assertTrue(withoutSum.err().contains(SUMMARY_PASS), withoutSum.err());
        List<PixelBlock> a = sorted(BlockStore.readBlocks(TestSpark.get(), dir.resolve("a").toString()).collect());
        List<PixelBlock> b = sorted(BlockStore.readBlocks(TestSpark.get(), dir.resolve("b").toString()).collect());
        assertEquals(9, a.size());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(b.get(i).counts(), a.get(i).counts(), "block at " + a.get(i).y0() + "," + a.get(i).x0());
        }
        // The aligned store records its own sum; the copy's is the same.
        assertArrayEquals(BlockStore.readSumSpectrum(dir.resolve("b").toString(), conf(), 512),
                BlockStore.readSumSpectrum(dir.resolve("a").toString(), conf(), 512), 0.0);
    }

    /** The sum spectrum as align's own pass makes it: every stored block read back and summed. */
    private static double[] passSum(String s, int channels) throws Exception {
        SparkSession spark = TestSpark.get();
        return BlockStore.readBlocks(spark, s).map(b -> {
            SumSpectrum one = new SumSpectrum(channels);
            one.add(b.counts());
            return one;
        }).reduce(SumSpectrum::merge).spectrum();
    }

    /** Equal to 1e-9 relative (of the larger magnitude per channel); fixed-point sums are in fact identical. */
    private static void assertSameSpectrum(double[] expected, double[] actual, String where) {
        assertEquals(expected.length, actual.length, where);
        for (int e = 0; e < expected.length; e++) {
            double scale = Math.max(Math.abs(expected[e]), Math.abs(actual[e]));
            assertEquals(expected[e], actual[e], 1e-9 * scale, where + " channel " + e);
        }
    }

    private static List<PixelBlock> sorted(List<PixelBlock> blocks) {
        return blocks.stream().sorted(Comparator.comparingInt(PixelBlock::y0).thenComparingInt(PixelBlock::x0)).toList();
    }

    private static org.apache.hadoop.conf.Configuration conf() {
        return TestSpark.get().sparkContext().hadoopConfiguration();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
