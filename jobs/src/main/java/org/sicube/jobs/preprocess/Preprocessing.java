package org.sicube.jobs.preprocess;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.preprocess.StageChain.ProcessedBlock;
import org.sicube.jobs.preprocess.stages.ImageShape;
import org.sicube.jobs.preprocess.stages.Stage;
import org.sicube.jobs.preprocess.stages.Summary;
import org.sicube.jobs.preprocess.stages.WorkBlock;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.StoreRows;
import org.sicube.jobs.store.SumSpectrumAccumulator;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * The Spark plan of {@code preprocess}: one cheap aggregate pass per stage that needs a summary of
 * its input (the sum spectrum, an exponent histogram, block rims; the stages before it applied on
 * the fly, per-partition summaries tree-reduced, the stage then bound to the result; no pass for
 * a first stage whose summary is the sum spectrum the input store recorded), then one
 * map pass over the blocks running the whole chain (mapPartitions, state built once per
 * partition, no shuffle) that writes the blocks and sends each block's total and maps to the
 * driver ({@link MapBlocks}), which writes the small {@code maps/} dataset and the pictures, and
 * sums the output's sum spectrum on the way ({@code sum_spectrum.json}). Only
 * when the maps are too large to gather is the processed data kept (memory, spilling to disk) for
 * a second pass writing {@code maps/}. The store is committed atomically.
 */
public final class Preprocessing {
    /** Off for maps/: map values are fitted floats, nearly all distinct, so a dictionary is built and thrown away. */
    private static final String DICTIONARY = "parquet.enable.dictionary";

    private Preprocessing() {
    }

    /** Writes and commits the output store; returns its header. */
    public static SpectrumImage run(SparkSession spark, String input, HeaderJson.Parsed in, PipelineConfig config,
            AtomicOutput out) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SpectrumImage h = in.header();
        long nBlocks = new org.sicube.datasets.model.BlockGrid(h.ny(), h.nx(), in.blockHeight(), in.blockWidth()).size();
        JavaRDD<PixelBlock> blocks = BlockStore.readBlocks(spark, input);
        int n = config.stages().size();
        PipelineConfig bound = config;
        for (int i = 0; i < n; i++) {
            Stage stage = bound.stages().get(i);
            Summary empty = stage.summary(bound.grids().get(i), bound.shapes().get(i));
            Summary known = i == 0 && empty != null ? recorded(empty, input, sc, h.channels()) : null;
            if (known != null) {
                bound = bound.withStage(i, stage.bind(known, sc));
            } else if (empty != null) {
                try (Progress p = Progress.start(sc, "preprocess: summary of the input of stages[" + i + "] "
                        + stage.type(), nBlocks, h.spectra())) {
                    bound = bound.withStage(i, stage.bind(summary(blocks, bound, i, empty), sc));
                    p.done();
                }
            }
        }
        PipelineConfig chainConfig = bound;
        List<String> names = config.allMaps();
        boolean collect = MapBlocks.collects(h.spectra(), names);
        JavaRDD<ProcessedBlock> processed = blocks.mapPartitions(it -> map(it, new StageChain(chainConfig, n)))
                .filter(pb -> pb.block() != null);
        if (!collect) {
            processed = processed.persist(StorageLevel.MEMORY_AND_DISK_SER());
        }
        CollectionAccumulator<MapBlocks.Entry> side = sc.sc().collectionAccumulator("preprocess: totals and maps");
        SumSpectrumAccumulator sum = new SumSpectrumAccumulator(config.outputGrid().channels());
        sc.sc().register(sum, "preprocess: sum spectrum");
        try {
            try (Progress p = Progress.start(sc, "preprocess: " + stageList(config), nBlocks, h.spectra())) {
                BlockStore.writeRows(spark, processed.map(pb -> {
                    PixelBlock b = pb.block();
                    side.add(new MapBlocks.Entry(b.y0(), b.x0(), b.height(), b.width(), pb.total(),
                            collect ? pb.maps() : null));
                    sum.add(b);
                    return StoreRows.toRow(b, pb.total());
                }), out);
                p.done();
            }
            MapBlocks results = new MapBlocks(side.value());
            ImageShape shape = config.outputShape();
            SpectrumImage done = reshaped(h, shape).withEnergy(axis(config.outputGrid(), h.energy()))
                    .withTotalCounts(results.total());
            if (!names.isEmpty()) {
                writeMaps(spark, collect ? results : null, processed, names, done, out);
            }
            BlockStore.writeSumSpectrum(out, sum.value());
            BlockStore.writeHeader(out, HeaderJson.write(done, shape.blockHeight(), shape.blockWidth(), config.json()));
            out.commit();
            return done;
        } finally {
            if (!collect) {
                processed.unpersist(false);
            }
        }
    }

    /**
     * Writes {@code maps/} and the pictures: from the maps gathered on the driver, or when they were
     * too large to gather ({@code gathered} null) from a second pass over the kept processed blocks.
     */
    private static void writeMaps(SparkSession spark, MapBlocks gathered, JavaRDD<ProcessedBlock> processed,
            List<String> names, SpectrumImage done, AtomicOutput out) throws Exception {
        String dir = new Path(out.temporary(), MapRows.DIR).toString();
        MapBlocks maps = gathered;
        if (gathered != null) {
            MapFileWriter.write(gathered, names, new Path(dir), spark.sparkContext().hadoopConfiguration());
        } else {
            spark.createDataFrame(processed.flatMap(pb -> MapRows.rows(pb.block(), pb.maps(), names)), MapRows.SCHEMA)
                    .write().option(DICTIONARY, "false").parquet(dir);
            if (done.spectra() <= MapImages.MAX_PIXELS) {
                maps = MapBlocks.fromRows(spark.read().parquet(dir).collectAsList(), names);
            }
        }
        if (!MapImages.write(maps, names, done, out)) {
            System.err.println("preprocess: no map pictures for " + done.spectra() + " pixels (more than "
                    + MapImages.MAX_PIXELS + "); the maps are in maps/");
        }
    }

    /**
     * The first stage's summary from the sum spectrum the input store recorded (no pass over the
     * data), or null when the store has none or the stage needs more.
     */
    private static Summary recorded(Summary empty, String input, JavaSparkContext sc, int channels) throws Exception {
        double[] stored = BlockStore.readSumSpectrum(input, sc.hadoopConfiguration(), channels);
        return stored == null ? null : empty.fromSumSpectrum(stored);
    }

    /** The summary of stage {@code stage}'s input: earlier stages applied, per-partition summaries merged in a tree. */
    private static Summary summary(JavaRDD<PixelBlock> blocks, PipelineConfig config, int stage, Summary empty) {
        return blocks.mapPartitions(it -> {
            StageChain prefix = new StageChain(config, stage);
            while (it.hasNext()) {
                WorkBlock w = prefix.run(it.next());
                if (w.pixels() > 0) {
                    empty.add(w);
                }
            }
            return List.of(empty).iterator();
        }).treeReduce(Summary::merge);
    }

    private static Iterator<ProcessedBlock> map(Iterator<PixelBlock> it, StageChain chain) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ProcessedBlock next() {
                return chain.block(it.next());
            }
        };
    }

    /** The header with the shape and pixel size after spatial stages. */
    static SpectrumImage reshaped(SpectrumImage h, ImageShape s) {
        return new SpectrumImage(s.ny(), s.nx(), h.energy(), s.pixelSize(), h.pixelUnits(), h.signalType(),
                h.beamEnergyKeV(), h.liveTimeS(), h.realTimeS(), h.elements(), h.detector(), h.sourceFile(),
                h.sourceFormat(), h.sourceSha256(), h.dataType(), h.totalCounts());
    }

    /** The output axis in the input's units. */
    static EnergyAxis axis(EnergyGrid g, EnergyAxis like) {
        double f = like.toEvFactor();
        return new EnergyAxis(g.offsetEv() / f, g.scaleEv() / f, like.units(), g.channels());
    }

    private static String stageList(PipelineConfig c) {
        List<String> t = new ArrayList<>();
        c.stages().forEach(s -> t.add(s.type()));
        return t.isEmpty() ? "copy" : String.join(" → ", t).toLowerCase(Locale.ROOT);
    }
}
