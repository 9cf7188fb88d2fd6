package org.sicube.jobs.bench;

import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.decompose.DecomposeStage;
import org.sicube.jobs.decompose.Decomposition;
import org.sicube.jobs.decompose.KeptUnitScores;
import org.sicube.jobs.decompose.PcaOptions;
import org.sicube.jobs.decompose.ScoreSummary;
import org.sicube.jobs.phasemap.PhaseClustering;
import org.sicube.jobs.phasemap.PhaseMapStage;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.decomposition.WeightedGramAccumulator;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * sicube's path from a block store to a phase map, as the pipeline runs it: the decompose stage
 * (weighted Gram pass, exact eigen-decomposition on the driver, score maps, outputs) then the
 * phasemap stage (K-means on unit scores, phase spectra and maps, full-resolution labels), into one
 * run directory. Also the Gram pass on its own, the part that reads every count, and the fit (Gram
 * and eigen-decomposition), the counterpart of MLlib's PCA; and the stock path's steps alone on blocks
 * kept in memory.
 */
final class OursDecomposition {
    private OursDecomposition() {
    }

    /** One pass of the weighted Gram over the store's blocks, as the fit runs it. */
    static WeightedGramAccumulator gramPass(SparkSession spark, String store) throws Exception {
        int channels = BlockStore.readHeader(store, spark.sparkContext().hadoopConfiguration()).header().channels();
        return Decomposition.gram(spark, BlockStore.readNonZeros(spark, store), channels);
    }

    /** The decomposition's fit alone: the Gram pass and the exact eigen-decomposition on the driver. */
    static WeightedPcaModel fit(SparkSession spark, String store, int components) throws Exception {
        return Decomposition.fit(spark, store, components, false);
    }

    /**
     * The counterpart of the stock path's steps on data already in memory ({@code blocks} kept):
     * the fit, the score pass and K-means, no outputs. Returns the phase centres.
     */
    static double[][] inMemory(SparkSession spark, NonZeroBlocks blocks, SpectrumImage h, int components, int phases)
            throws Exception {
        WeightedPcaModel model = Decomposition.fit(spark, blocks, components, false);
        ScoreSummary scores = Decomposition.scoreMaps(spark, blocks, model, PhaseClustering.keepFor(h.spectra()));
        try (KeptUnitScores units = scores.kept()) {
            return PhaseClustering.cluster(blocks.rdd(), h.spectra(), model, phases, PhaseMapStage.SEED, units)
                    .centres();
        }
    }

    /** Store to phase map with K components and P phases into {@code run} (replaced if present). */
    static void storeToPhaseMap(SparkSession spark, String store, String run, int components, int phases)
            throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SpectrumImage h = BlockStore.readHeader(store, conf).header();
        PrintStream stdout = System.out;
        // the stages' console summaries go to stderr: stdout carries only the JSON lines
        System.setOut(System.err);
        try (RunDirectory dir = RunDirectory.begin(run, true, conf, "bench decompose", store);
                NonZeroBlocks blocks = NonZeroBlocks.keptIfSmall(spark, store, h).reportTo(dir)) {
            DecomposeStage.Fitted fitted = DecomposeStage.fit(spark, blocks, h, dir, components, false, PcaOptions.EXACT,
                    PhaseClustering.keepFor(h.spectra()));
            try (KeptUnitScores units = fitted.unitScores()) {
                PhaseMapStage.run(spark, blocks, fitted.model(), dir, phases, units);
            }
            dir.commit();
        } finally {
            System.setOut(stdout);
        }
    }
}
