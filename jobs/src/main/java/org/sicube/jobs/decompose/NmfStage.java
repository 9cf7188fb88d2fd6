package org.sicube.jobs.decompose;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.decomposition.nmf.NmfModel;

/**
 * NMF / MCR-ALS as one stage of a run (the {@code decompose --method nmf} job and the pipeline):
 * fit ({@link NmfFit}), state the convergence on the console and in the manifest, a final pass for
 * the abundance maps (binned for display), and the outputs ({@link NmfOutputs}).
 */
public final class NmfStage {

    private NmfStage() {
    }

    public static NmfFit.Result run(SparkSession spark, NonZeroBlocks blocks, SpectrumImage h, RunDirectory run,
            NmfOptions options) throws Exception {
        long t = System.nanoTime();
        NmfFit.Result r = NmfFit.run(spark, blocks, h, options);
        int n = r.history().iterations();
        String summary = String.format(Locale.ROOT,
                "NMF K = %d (%d fixed), %s, %s: %d iterations, relative loss %.9g, last relative change %.3g %s %.3g",
                options.components(), options.fixedCount(), options.closure() ? "closure" : "no closure",
                options.poisson() ? "Poisson-weighted" : "unweighted", n, r.history().losses().get(n - 1),
                r.history().change(n - 1), r.converged() ? "<" : "(not converged; tolerance", options.tolerance());
        if (!r.converged()) {
            summary += ")";
        }
        System.out.println("nmf: " + summary);
        BinnedMaps maps = abundanceMaps(spark, blocks, h, r.model());
        NmfOutputs.write(run, h, options, r, maps);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("nmf", summary);
        run.manifest().config(config).stage("nmf", (System.nanoTime() - t) / 1e9);
        return r;
    }

    /** The K abundance maps, binned to at most {@link Decomposition#MAP_SIDE} cells a side. */
    static BinnedMaps abundanceMaps(SparkSession spark, NonZeroBlocks blocks, SpectrumImage h, NmfModel model)
            throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int k = model.components();
        try (Progress p = Progress.start(sc, "nmf: abundance maps",
                Decomposition.blockCount(BlockStore.readHeader(blocks.store(), sc.hadoopConfiguration())), h.spectra())) {
            BinnedMaps maps = blocks.rdd().treeAggregate(
                    new BinnedMaps(h.ny(), h.nx(), k, Decomposition.MAP_SIDE), (acc, b) -> add(acc, b, model),
                    BinnedMaps::merge);
            p.done();
            return maps;
        }
    }

    private static BinnedMaps add(BinnedMaps maps, BlockNonZeros b, NmfModel model) {
        int k = model.components();
        double[] c = new double[b.pixels() * k];
        model.abundances(b.start(), b.channel(), b.value(), b.pixels(), c);
        for (int r = 0; r < b.height(); r++) {
            for (int x = 0; x < b.width(); x++) {
                maps.add(b.y0() + r, b.x0() + x, c, (r * b.width() + x) * k);
            }
        }
        return maps;
    }
}
