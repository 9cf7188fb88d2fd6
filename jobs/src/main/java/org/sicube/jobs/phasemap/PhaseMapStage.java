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
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The phase map as one stage of a run (the {@code phasemap} job and the pipeline): cluster the
 * unit score vectors, then label every pixel on the executors twice — once to sum spectra and
 * counts per phase with the display maps, once to write the full-resolution labels.
 */
public final class PhaseMapStage {
    /** K-means seed: the same store and model give the same phases. */
    public static final long SEED = 1;

    private PhaseMapStage() {
    }

    /** {@code phases} null lets the cost-drop criterion choose P. */
    public static PhaseModel run(SparkSession spark, String store, WeightedPcaModel decomposition, RunDirectory run,
            Integer phases) throws Exception {
        if (decomposition.components() < 1) {
            throw new IllegalArgumentException("phase map: the decomposition kept no component; decompose with --components");
        }
        long t = System.nanoTime();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HeaderJson.Parsed parsed = BlockStore.readHeader(store, sc.hadoopConfiguration());
        var h = parsed.header();
        if (h.channels() != decomposition.channels()) {
            throw new IllegalArgumentException("phase map: the store has " + h.channels() + " channels, the model "
                    + decomposition.channels());
        }
        long blocks = new BlockGrid(h.ny(), h.nx(), parsed.blockHeight(), parsed.blockWidth()).size();
        JavaRDD<BlockNonZeros> rdd = BlockStore.readNonZeros(spark, store);
        PhaseClustering.Result clusters;
        try (Progress p = Progress.start(sc, "phasemap: K-means on unit score vectors", blocks, h.spectra())) {
            clusters = PhaseClustering.cluster(rdd, h.spectra(), decomposition, phases, SEED);
            p.done();
        }
        System.out.println("phasemap: " + clusters.report());
        PhaseModel model = new PhaseModel(decomposition, clusters.centres());
        PhaseSummary summary;
        try (Progress p = Progress.start(sc, "phasemap: phase spectra and maps", blocks, h.spectra())) {
            summary = rdd.treeAggregate(new PhaseSummary(h.ny(), h.nx(), model.phases(), h.channels(),
                    decomposition.components(), Decomposition.MAP_SIDE), (acc, b) -> acc.add(b, model), PhaseSummary::merge);
            p.done();
        }
        try (Progress p = Progress.start(sc, "phasemap: full-resolution labels", blocks, h.spectra())) {
            LabelParquet.write(spark, rdd, model, run.location(LabelParquet.DIR));
            p.done();
        }
        PhaseOutputs.write(run, h, model, summary);
        run.manifest().config(Map.of("phaseCount", clusters.report()))
                .stage("phasemap", (System.nanoTime() - t) / 1e9);
        return model;
    }
}
