package org.sicube.jobs.phasemap;

import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.decompose.Decomposition;
import org.sicube.jobs.decompose.KeptUnitScores;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The phase map as one stage of a run (the {@code phasemap} job and the pipeline): cluster the
 * unit score vectors, then label every pixel on the executors in one pass that writes the
 * full-resolution labels and sums spectra and counts per phase with the display maps.
 */
public final class PhaseMapStage {
    /** K-means seed: the same store and model give the same phases. */
    public static final long SEED = 1;

    private PhaseMapStage() {
    }

    /** {@code phases} null lets the silhouette criterion choose P. */
    public static PhaseModel run(SparkSession spark, NonZeroBlocks blocks, WeightedPcaModel decomposition, RunDirectory run,
            Integer phases) throws Exception {
        return run(spark, blocks, decomposition, run, phases, null);
    }

    /**
     * As {@link #run(SparkSession, NonZeroBlocks, WeightedPcaModel, RunDirectory, Integer)} with every
     * pixel's unit score vector already kept by the decomposition's score pass (null: compute them),
     * released once clustered.
     */
    public static PhaseModel run(SparkSession spark, NonZeroBlocks blocks, WeightedPcaModel decomposition, RunDirectory run,
            Integer phases, KeptUnitScores unitScores) throws Exception {
        if (decomposition.components() < 1) {
            throw new IllegalArgumentException("phase map: the decomposition kept no component; decompose with --components");
        }
        long t = System.nanoTime();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HeaderJson.Parsed parsed = BlockStore.readHeader(blocks.store(), sc.hadoopConfiguration());
        var h = parsed.header();
        if (h.channels() != decomposition.channels()) {
            throw new IllegalArgumentException("phase map: the store has " + h.channels() + " channels, the model "
                    + decomposition.channels());
        }
        long blockCount = new BlockGrid(h.ny(), h.nx(), parsed.blockHeight(), parsed.blockWidth()).size();
        JavaRDD<BlockNonZeros> rdd = blocks.rdd();
        PhaseClustering.Result clusters;
        try (Progress p = Progress.start(sc, "phasemap: K-means on unit score vectors", blockCount, h.spectra())) {
            clusters = PhaseClustering.cluster(rdd, h.spectra(), decomposition, phases, SEED, unitScores);
            p.done();
        }
        if (unitScores != null) {
            unitScores.close(); // the label pass that follows needs the memory more
        }
        System.out.println("phasemap: " + clusters.report());
        PhaseModel model = new PhaseModel(decomposition, clusters.centres());
        PhaseSummaryAccumulator summary = new PhaseSummaryAccumulator(h.ny(), h.nx(), model.phases(), h.channels(),
                decomposition.components(), Decomposition.MAP_SIDE);
        sc.sc().register(summary, "phase summary");
        try (Progress p = Progress.start(sc, "phasemap: labels, phase spectra and maps", blockCount, h.spectra())) {
            LabelParquet.write(spark, rdd, model, summary, run.location(LabelParquet.DIR));
            p.done();
        }
        PhaseOutputs.write(run, h, model, summary.value());
        run.manifest().config(Map.of("phaseCount", clusters.report()))
                .stage("phasemap", (System.nanoTime() - t) / 1e9);
        return model;
    }
}
