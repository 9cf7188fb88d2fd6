package org.sicube.jobs.decompose;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.decomposition.Truncation;
import org.sicube.transforms.decomposition.WeightedGramAccumulator;
import org.sicube.transforms.decomposition.WeightedPca;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The Poisson-weighted PCA of a block store on Spark: one pass accumulates the weighted Gram on
 * the executors ({@code treeAggregate} of {@link WeightedGramAccumulator}s, E(E+1)/2 doubles each),
 * the driver eigen-decomposes it; a second pass projects every block onto the K loadings and
 * reduces the scores to display-bounded maps. Nothing proportional to the number of pixels
 * reaches the driver.
 */
public final class Decomposition {
    /** Largest side of a score map; larger images are shown binned (mean score per cell). */
    public static final int MAP_SIDE = 2048;

    private Decomposition() {
    }

    /** Fits the model; {@code components} &lt; 0 lets the Marchenko–Pastur truncation choose K. */
    public static WeightedPcaModel fit(SparkSession spark, String store, int components, boolean centre)
            throws Exception {
        return fit(spark, NonZeroBlocks.streamed(spark, store), components, centre);
    }

    /** As {@link #fit(SparkSession, String, int, boolean)} on blocks that may be kept for later passes. */
    public static WeightedPcaModel fit(SparkSession spark, NonZeroBlocks blocks, int components, boolean centre)
            throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HeaderJson.Parsed parsed = BlockStore.readHeader(blocks.store(), sc.hadoopConfiguration());
        SpectrumImage h = parsed.header();
        WeightedGramAccumulator sums;
        try (Progress p = Progress.start(sc, "decompose: weighted Gram", blockCount(parsed), h.spectra())) {
            sums = gram(spark, blocks.rdd(), h.channels());
            p.done();
        }
        return WeightedPca.fit(sums.finish(centre), components, Truncation.DEFAULT_SAFETY);
    }

    /**
     * The weighted Gram pass. Each task's sums hold E(E+1)/2 doubles (17 MB at E = 2048), so the
     * blocks are read in at most {@link #TASKS_PER_CORE} tasks per core: one task per store file
     * made hundreds of partial Grams at 10^7 spectra, merged through a shuffle of gigabytes. Fewer
     * partitions than that (a small image) take one task per core: the driver deserialises and merges
     * each partial Gram (30–40 ms), which cost more than the balance of two tasks per core gained.
     */
    public static WeightedGramAccumulator gram(SparkSession spark, JavaRDD<BlockNonZeros> blocks, int channels) {
        int cores = spark.sparkContext().defaultParallelism();
        int tasks = blocks.getNumPartitions() < TASKS_PER_CORE * cores ? cores : TASKS_PER_CORE * cores;
        if (blocks.getNumPartitions() > tasks) {
            blocks = blocks.coalesce(tasks);
        }
        return blocks.treeAggregate(WeightedGramAccumulator.zero(channels),
                (acc, b) -> acc.add(b.start(), b.channel(), b.value(), b.pixels(), b.channels()),
                WeightedGramAccumulator::merge);
    }

    /** Tasks per core of the Gram pass: enough to balance the cores and show progress. */
    static final int TASKS_PER_CORE = 4;

    /**
     * The K weighted-score maps, binned to at most {@link #MAP_SIDE} cells a side, and each
     * component's support; every pixel's unit score vector kept where {@code keep} says
     * ({@link ScoreSummary#kept()}; the caller closes those kept on the executors).
     */
    public static ScoreSummary scoreMaps(SparkSession spark, NonZeroBlocks blocks, WeightedPcaModel model,
            KeptUnitScores.Where keep) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HeaderJson.Parsed parsed = BlockStore.readHeader(blocks.store(), sc.hadoopConfiguration());
        SpectrumImage h = parsed.header();
        boolean onExecutors = keep == KeptUnitScores.Where.ON_EXECUTORS && model.components() > 0;
        ScoreSummary zero = new ScoreSummary(h.ny(), h.nx(), model.components(), model.truncation().noiseVariance(),
                MAP_SIDE, keep == KeptUnitScores.Where.ON_DRIVER && model.components() > 0);
        try (Progress p = Progress.start(sc, "decompose: score maps", blockCount(parsed), h.spectra())) {
            ScoreSummary s;
            if (onExecutors) {
                // the pass that computes the maps also fills the cache the K-means then reads
                JavaRDD<BlockScores> scores = blocks.rdd().map(b -> BlockScores.of(b, model))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                s = scores.treeAggregate(zero, ScoreSummary::add, ScoreSummary::merge)
                        .keptOnExecutors(KeptUnitScores.onExecutors(scores));
            } else {
                s = blocks.rdd().treeAggregate(zero, (acc, b) -> acc.add(b, model), ScoreSummary::merge);
            }
            p.done();
            return s;
        }
    }

    static long blockCount(HeaderJson.Parsed parsed) {
        SpectrumImage h = parsed.header();
        return new BlockGrid(h.ny(), h.nx(), parsed.blockHeight(), parsed.blockWidth()).size();
    }
}
