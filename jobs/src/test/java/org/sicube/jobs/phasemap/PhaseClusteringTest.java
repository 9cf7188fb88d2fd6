package org.sicube.jobs.phasemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.decompose.Decomposition;
import org.sicube.jobs.decompose.ScoreSummary;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The unit score vectors the decomposition's score pass keeps for a phase map that follows give
 * the phase map exactly the centres its own pass over the store gives.
 */
class PhaseClusteringTest {

    @Test
    void unitScoresFromTheScorePassGiveTheSameCentres(@TempDir Path dir) throws Exception {
        String store = dir.resolve("store").toString();
        JobRun s = JobRun.of("synthesize", "--size", "48x40", "--channels", "512", "--energy-scale", "40",
                "--rare-inclusions", "0", "--feature-size", "12", "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        SparkSession spark = TestSpark.get();
        WeightedPcaModel model = Decomposition.fit(spark, store, 6, false);
        ScoreSummary kept = Decomposition.scoreMaps(spark, NonZeroBlocks.streamed(spark, store), model, true);
        assertNull(Decomposition.scoreMaps(spark, NonZeroBlocks.streamed(spark, store), model, false).unitScores());

        long spectra = 48 * 40;
        PhaseClustering.Result own = PhaseClustering.cluster(BlockStore.readNonZeros(spark, store), spectra, model, 4,
                PhaseMapStage.SEED, null);
        PhaseClustering.Result given = PhaseClustering.cluster(BlockStore.readNonZeros(spark, store), spectra, model,
                4, PhaseMapStage.SEED, kept.unitScores());
        assertEquals(own.centres().length, given.centres().length);
        for (int p = 0; p < own.centres().length; p++) {
            assertArrayEquals(own.centres()[p], given.centres()[p], "centre " + p);
        }
        assertEquals(own.report(), given.report());
    }
}
