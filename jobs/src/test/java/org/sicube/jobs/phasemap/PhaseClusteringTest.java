package org.sicube.jobs.phasemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.decompose.Decomposition;
import org.sicube.jobs.decompose.KeptUnitScores;
import org.sicube.jobs.decompose.ScoreSummary;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The unit score vectors the decomposition's score pass keeps for a phase map that follows (on the
 * driver for an image clustered whole, as its blocks' scores on the executors for a sampled one)
 * give the phase map exactly the centres its own pass over the store gives.
 */
class PhaseClusteringTest {
    private static final long SPECTRA = 48 * 40;

    @Test
    void unitScoresKeptOnTheDriverGiveTheSameCentres(@TempDir Path dir) throws Exception {
        String store = synthesize(dir);
        SparkSession spark = TestSpark.get();
        WeightedPcaModel model = Decomposition.fit(spark, store, 6, false);
        ScoreSummary kept = Decomposition.scoreMaps(spark, NonZeroBlocks.streamed(spark, store), model,
                KeptUnitScores.Where.ON_DRIVER);
        assertNotNull(kept.kept().onDriver());
        assertNull(Decomposition.scoreMaps(spark, NonZeroBlocks.streamed(spark, store), model,
                KeptUnitScores.Where.NOWHERE).kept());

        PhaseClustering.Result own = PhaseClustering.cluster(BlockStore.readNonZeros(spark, store), SPECTRA, model, 4,
                PhaseMapStage.SEED, null);
        PhaseClustering.Result given = PhaseClustering.cluster(BlockStore.readNonZeros(spark, store), SPECTRA, model,
                4, PhaseMapStage.SEED, kept.kept());
        assertSameCentres(own, given);
    }

    @Test
    void scoresKeptOnTheExecutorsGiveTheSameSampledCentresAndAreReleased(@TempDir Path dir) throws Exception {
        String store = synthesize(dir);
        SparkSession spark = TestSpark.get();
        WeightedPcaModel model = Decomposition.fit(spark, store, 6, false);
        int cachedBefore = spark.sparkContext().getPersistentRDDs().size();
        ScoreSummary kept = Decomposition.scoreMaps(spark, NonZeroBlocks.streamed(spark, store), model,
                KeptUnitScores.Where.ON_EXECUTORS);
        ScoreSummary streamed = Decomposition.scoreMaps(spark, NonZeroBlocks.streamed(spark, store), model,
                KeptUnitScores.Where.NOWHERE);
        assertArrayEquals(streamed.maps().meanMap(0), kept.maps().meanMap(0), "score map of component 1");

        // a sample of 500 of the 1920 pixels takes the sampled path: sample, then Lloyd passes over all
        int sample = 500;
        PhaseClustering.Result own = PhaseClustering.cluster(BlockStore.readNonZeros(spark, store), SPECTRA, model, 4,
                PhaseMapStage.SEED, null, sample);
        try (KeptUnitScores units = kept.kept()) {
            assertNull(units.onDriver());
            PhaseClustering.Result given = PhaseClustering.cluster(BlockStore.readNonZeros(spark, store), SPECTRA,
                    model, 4, PhaseMapStage.SEED, units, sample);
            assertSameCentres(own, given);
            assertEquals(cachedBefore + 1, spark.sparkContext().getPersistentRDDs().size());
        }
        assertEquals(cachedBefore, spark.sparkContext().getPersistentRDDs().size());
    }

    private static String synthesize(Path dir) {
        String store = dir.resolve("store").toString();
        JobRun s = JobRun.of("synthesize", "--size", "48x40", "--channels", "512", "--energy-scale", "40",
                "--rare-inclusions", "0", "--feature-size", "12", "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        return store;
    }

    private static void assertSameCentres(PhaseClustering.Result expected, PhaseClustering.Result actual) {
        assertEquals(expected.centres().length, actual.centres().length);
        for (int p = 0; p < expected.centres().length; p++) {
            assertArrayEquals(expected.centres()[p], actual.centres()[p], "centre " + p);
        }
        assertEquals(expected.report(), actual.report());
    }
}
