package org.sicube.jobs.anomaly;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.decompose.Decomposition;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.decomposition.WeightedPcaModel;
import org.sicube.transforms.physics.DetectorResolution;

/**
 * The residual pass as one stage of a run (the {@code anomaly} job and the pipeline). Pass 1: the
 * per-pixel deviance D of the K-component reconstruction, summarised as a log histogram and a
 * display map. The threshold comes from the central bulk of that histogram, or of the same
 * histogram over a nominal store. Pass 2: flags (a full-resolution Parquet mask written by the
 * executors) and the spectra of at most {@code maxFlagged} flagged pixels for the driver, which
 * groups them into regions.
 */
public final class AnomalyStage {

    /** What the pass found. */
    public record Result(DevianceThreshold threshold, long flagged, List<AnomalyRegion> regions) {
    }

    private AnomalyStage() {
    }

    public static Result run(SparkSession spark, String store, SpectrumImage h, WeightedPcaModel model,
            RunDirectory run, AnomalySettings settings) throws Exception {
        long t = System.nanoTime();
        if (h.channels() != model.channels()) {
            throw new IllegalArgumentException("anomaly: the store " + store + " has " + h.channels()
                    + " channels, the model " + model.channels());
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ResidualSummary summary = summarise(spark, store, model, "anomaly: residual deviance");
        DevianceThreshold threshold;
        if (settings.nominalStore() == null) {
            threshold = DevianceThreshold.fit(summary.deviance(), settings.falseAlarm(), "the analysed store");
        } else {
            ResidualSummary nominal = summarise(spark, settings.nominalStore(), model, "anomaly: nominal deviance");
            threshold = DevianceThreshold.fit(nominal.deviance(), settings.falseAlarm(),
                    "the nominal store " + settings.nominalStore());
        }
        System.out.println("anomaly: " + threshold.report());
        JavaRDD<BlockFlags> flags = BlockStore.readBlocks(spark, store)
                .map(b -> BlockFlags.of(b, model, threshold)).persist(StorageLevel.MEMORY_AND_DISK());
        long flagged;
        List<FlaggedPixel> collected;
        try (Progress p = Progress.start(sc, "anomaly: flags and mask", blocks(spark, store), h.spectra())) {
            MaskParquet.write(spark, flags, run.location(MaskParquet.DIR));
            flagged = flags.map(f -> (long) f.flagged().size()).fold(0L, Long::sum);
            collected = flags.flatMap(f -> f.flagged().iterator()).take(settings.maxFlagged());
            p.done();
        } finally {
            flags.unpersist();
        }
        System.out.printf(Locale.ROOT, "anomaly: %d of %d pixels flagged (%.3g; %.3g expected from false alarms)%n",
                flagged, h.spectra(), (double) flagged / h.spectra(), settings.falseAlarm() * threshold.pixels());
        if (flagged > collected.size()) {
            System.out.println("anomaly: WARNING: " + flagged + " pixels flagged, more than --max-flagged "
                    + settings.maxFlagged() + "; regions are built from the first " + collected.size()
                    + " only (the mask holds all of them); raise --false-alarm's stringency or --max-flagged");
        }
        boolean eds = h.signalType().toUpperCase(Locale.ROOT).startsWith("EDS");
        List<AnomalyRegion> regions = AnomalyRegions.build(collected, h.energy(), eds,
                new DetectorResolution(settings.fwhmMnKaEv()));
        System.out.println("anomaly: " + regions.size() + " connected regions");
        AnomalyOutputs.write(run, h, summary, threshold, flagged, collected.size(), regions);
        run.manifest().config(Map.of("anomalyThreshold", threshold.report()))
                .stage("anomaly", (System.nanoTime() - t) / 1e9);
        return new Result(threshold, flagged, regions);
    }

    private static ResidualSummary summarise(SparkSession spark, String store, WeightedPcaModel model, String stage)
            throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SpectrumImage h = BlockStore.readHeader(store, sc.hadoopConfiguration()).header();
        try (Progress p = Progress.start(sc, stage, blocks(spark, store), h.spectra())) {
            ResidualSummary s = BlockStore.readBlocks(spark, store).treeAggregate(
                    new ResidualSummary(h.ny(), h.nx(), Decomposition.MAP_SIDE),
                    (acc, b) -> acc.add(b, model), ResidualSummary::merge);
            p.done();
            return s;
        }
    }

    private static long blocks(SparkSession spark, String store) throws Exception {
        HeaderJson.Parsed parsed = BlockStore.readHeader(store, spark.sparkContext().hadoopConfiguration());
        SpectrumImage h = parsed.header();
        return new BlockGrid(h.ny(), h.nx(), parsed.blockHeight(), parsed.blockWidth()).size();
    }
}
