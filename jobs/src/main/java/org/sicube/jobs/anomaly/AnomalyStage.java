package org.sicube.jobs.anomaly;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.anomaly.Reconstruction;
import org.sicube.transforms.physics.DetectorResolution;

/**
 * The residual pass as one stage of a run (the {@code anomaly} job and the pipeline). One pass over
 * the data computes the per-pixel deviance D and weighted χ² of the reconstruction and keeps them
 * with the counts of each block's few largest-D pixels ({@link BlockDeviance}, cached); from the
 * cache come the log histograms and display map, the threshold (from the central bulk of that
 * histogram, or of a nominal store's), the full-resolution Parquet mask and the spectra and
 * residuals of at most {@code maxFlagged} flagged pixels, which the driver groups into regions.
 * Only a block with more flagged pixels than it kept is read again.
 */
public final class AnomalyStage {

    /** What the pass found. */
    public record Result(DevianceThreshold threshold, long flagged, List<AnomalyRegion> regions) {
    }

    private AnomalyStage() {
    }

    public static Result run(SparkSession spark, NonZeroBlocks blocks, SpectrumImage h, Reconstruction model,
            RunDirectory run, AnomalySettings settings) throws Exception {
        long t = System.nanoTime();
        String store = blocks.store();
        if (h.channels() != model.channels()) {
            throw new IllegalArgumentException("anomaly: the store " + store + " has " + h.channels()
                    + " channels, the model " + model.channels());
        }
        System.out.println("anomaly: reconstruction by " + model.describe());
        run.manifest().config(Map.of("anomalyModel", model.describe()));
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long blockCount = blocks(spark, store);
        JavaRDD<BlockDeviance> pass = residualPass(blocks, model).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            ResidualSummary summary;
            try (Progress p = Progress.start(sc, "anomaly: residual deviance", blockCount, h.spectra())) {
                summary = pass.treeAggregate(new ResidualSummary(h.ny(), h.nx(), Decomposition.MAP_SIDE),
                        ResidualSummary::add, ResidualSummary::merge);
                p.done();
            }
            DevianceThreshold threshold = threshold(spark, summary, model, settings);
            System.out.println("anomaly: " + threshold.report());
            MaskParquet.write(spark, pass, threshold, run.location(MaskParquet.DIR));
            // one summary per block with flagged pixels: origin, flagged pixels, 1 when its candidates hold them all
            List<long[]> flaggedBlocks = pass.filter(d -> d.flagged(threshold) > 0)
                    .map(d -> new long[] {BlockStore.origin(d.y0(), d.x0()), d.flagged(threshold),
                        d.complete(threshold) ? 1 : 0})
                    .collect();
            long flagged = 0;
            long inComplete = 0;
            // blocks with more flagged pixels than kept candidates are read again, and only those
            Set<Long> origins = new HashSet<>();
            for (long[] b : flaggedBlocks) {
                flagged += b[1];
                if (b[2] == 1) {
                    inComplete += b[1];
                } else {
                    origins.add(b[0]);
                }
            }
            JavaRDD<FlaggedPixel> candidates = pass.filter(d -> d.flagged(threshold) > 0 && d.complete(threshold))
                    .flatMap(d -> d.flaggedCandidates(threshold, model).iterator());
            List<FlaggedPixel> collected = new java.util.ArrayList<>(inComplete == 0 ? List.of()
                    : inComplete <= settings.maxFlagged() ? candidates.collect() : candidates.take(settings.maxFlagged()));
            if (collected.size() < settings.maxFlagged()) {
                collected.addAll(collect(spark, blocks, model, threshold, origins,
                        settings.maxFlagged() - collected.size()));
            }
            return describe(run, h, summary, threshold, flagged, collected, settings, t);
        } finally {
            pass.unpersist(false);
        }
    }

    /** D and χ² of every pixel of the blocks, with each block's candidates (lazy: nothing runs yet). */
    public static JavaRDD<BlockDeviance> residualPass(NonZeroBlocks blocks, Reconstruction model) throws Exception {
        return blocks.rdd().map(b -> BlockDeviance.of(b, model));
    }

    private static DevianceThreshold threshold(SparkSession spark, ResidualSummary summary, Reconstruction model,
            AnomalySettings settings) throws Exception {
        if (settings.nominalStore() == null) {
            return DevianceThreshold.fit(summary.deviance(), settings.falseAlarm(), "the analysed store");
        }
        String nominal = settings.nominalStore();
        SpectrumImage n = BlockStore.readHeader(nominal, spark.sparkContext().hadoopConfiguration()).header();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ResidualSummary s;
        try (Progress p = Progress.start(sc, "anomaly: nominal deviance", blocks(spark, nominal), n.spectra())) {
            s = residualPass(NonZeroBlocks.streamed(spark, nominal), model).treeAggregate(
                    new ResidualSummary(n.ny(), n.nx(), Decomposition.MAP_SIDE), ResidualSummary::add,
                    ResidualSummary::merge);
            p.done();
        }
        return DevianceThreshold.fit(s.deviance(), settings.falseAlarm(), "the nominal store " + nominal);
    }

    /** The flagged pixels of the blocks in {@code origins}, read again (at most {@code max}). */
    private static List<FlaggedPixel> collect(SparkSession spark, NonZeroBlocks blocks, Reconstruction model,
            DevianceThreshold threshold, Set<Long> origins, int max) throws Exception {
        if (origins.isEmpty()) {
            return List.of();
        }
        String store = blocks.store();
        SpectrumImage h = BlockStore.readHeader(store, spark.sparkContext().hadoopConfiguration()).header();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        try (Progress p = Progress.start(sc, "anomaly: flagged spectra of " + origins.size() + " blocks",
                origins.size(), (long) origins.size() * Math.max(1, h.spectra() / Math.max(1, blocks(spark, store))))) {
            List<FlaggedPixel> out = blocks.rdd(origins)
                    .flatMap(b -> BlockDeviance.flaggedPixels(b, model, threshold).iterator()).take(max);
            p.done();
            return out;
        }
    }

    private static Result describe(RunDirectory run, SpectrumImage h, ResidualSummary summary,
            DevianceThreshold threshold, long flagged, List<FlaggedPixel> collected, AnomalySettings settings, long t)
            throws Exception {
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
        for (AnomalyRegion r : regions.subList(0, Math.min(10, regions.size()))) {
            String line = r.identified() == null ? "no line named"
                    : r.identified().element() + " " + r.identified().line();
            System.out.printf(Locale.ROOT, "anomaly: region %d: %d px at y %d–%d, x %d–%d, %s%n", r.id(),
                    r.pixels(), r.y0(), r.y1(), r.x0(), r.x1(), line);
        }
        AnomalyOutputs.write(run, h, summary, threshold, flagged, collected.size(), regions);
        run.manifest().config(Map.of("anomalyThreshold", threshold.report()))
                .stage("anomaly", (System.nanoTime() - t) / 1e9);
        return new Result(threshold, flagged, regions);
    }

    private static long blocks(SparkSession spark, String store) throws Exception {
        HeaderJson.Parsed parsed = BlockStore.readHeader(store, spark.sparkContext().hadoopConfiguration());
        SpectrumImage h = parsed.header();
        return new BlockGrid(h.ny(), h.nx(), parsed.blockHeight(), parsed.blockWidth()).size();
    }
}
