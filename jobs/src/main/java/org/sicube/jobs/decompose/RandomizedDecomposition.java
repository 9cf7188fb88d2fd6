package org.sicube.jobs.decompose;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.decomposition.ChannelSums;
import org.sicube.transforms.decomposition.RandomizedPca;
import org.sicube.transforms.decomposition.SketchAccumulator;
import org.sicube.transforms.decomposition.Truncation;
import org.sicube.transforms.decomposition.WeightedGram;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The randomized Poisson-weighted PCA of a block store on Spark: a first pass sums the channel
 * statistics ({@link ChannelSums}: channel totals, exact trace, noise level), then each pass of the
 * subspace iteration computes G·Q on the executors ({@link SketchAccumulator}s, E × L doubles each,
 * merged by {@code treeAggregate}); QR and the L × L eigen-problem run on the driver
 * ({@link RandomizedPca}). Nothing proportional to the number of pixels reaches the driver.
 */
final class RandomizedDecomposition {
    private RandomizedDecomposition() {
    }

    static WeightedPcaModel fit(SparkSession spark, NonZeroBlocks kept, int components, boolean centre,
            int oversampling, int maxPasses) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HeaderJson.Parsed parsed = BlockStore.readHeader(kept.store(), sc.hadoopConfiguration());
        SpectrumImage h = parsed.header();
        long blocks = Decomposition.blockCount(parsed);
        JavaRDD<BlockNonZeros> rdd = kept.rdd();
        ChannelSums sums;
        try (Progress p = Progress.start(sc, "decompose: channel sums", blocks, h.spectra())) {
            sums = rdd.treeAggregate(ChannelSums.zero(h.channels()),
                    (acc, b) -> acc.add(b.start(), b.channel(), b.value(), b.pixels()), ChannelSums::merge);
            p.done();
        }
        WeightedGram statistics = sums.finish(centre);
        RandomizedPca pca = new RandomizedPca(statistics, components, oversampling, maxPasses, RandomizedPca.SEED);
        boolean done = false;
        while (!done) {
            SketchAccumulator zero = pca.nextPass();
            try (Progress p = Progress.start(sc, "decompose: randomized pass " + (pca.passes() + 1) + " (rank "
                    + pca.rank() + ")", blocks, h.spectra())) {
                SketchAccumulator pass = rdd.treeAggregate(zero,
                        (acc, b) -> acc.add(b.start(), b.channel(), b.value(), b.pixels()), SketchAccumulator::merge);
                p.done();
                done = pca.update(pass);
            }
        }
        return pca.model(Truncation.DEFAULT_SAFETY);
    }
}
