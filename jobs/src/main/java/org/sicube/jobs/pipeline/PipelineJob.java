package org.sicube.jobs.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.anomaly.AnomalyModels;
import org.sicube.jobs.anomaly.AnomalySettings;
import org.sicube.jobs.anomaly.AnomalyStage;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.decompose.DecomposeStage;
import org.sicube.jobs.decompose.KeptUnitScores;
import org.sicube.jobs.decompose.NmfOptions;
import org.sicube.jobs.decompose.NmfStage;
import org.sicube.jobs.decompose.PcaOptions;
import org.sicube.jobs.ingest.Ingestion;
import org.sicube.jobs.overview.Overview;
import org.sicube.jobs.overview.OverviewSummary;
import org.sicube.jobs.phasemap.PhaseMapStage;
import org.sicube.jobs.phasemap.PhaseClustering;
import org.sicube.jobs.phasemap.PhaseModel;
import org.sicube.jobs.preprocess.MapImages;
import org.sicube.jobs.preprocess.PipelineConfig;
import org.sicube.jobs.preprocess.Preprocessing;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.anomaly.ComponentSupport;
import org.sicube.transforms.decomposition.WeightedPcaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipeline}: one command from an input (a spectrum-image file, or an existing store) to a
 * finished run directory. A file is first ingested into {@code RUN/store}; then the overview
 * (total-counts map, sum spectrum), the Poisson-weighted PCA ({@code decompose}), the phase map
 * ({@code phasemap}), the residual pass ({@code anomaly}) and, with {@code --nmf K}, the NMF /
 * MCR-ALS are written into the same directory, with {@code manifest.json}.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Input file (any supported format, local or hdfs://) or block store to a finished run directory.")
public final class PipelineJob extends SparkJob {

    @Option(names = "--input", required = true, paramLabel = "FILE|STORE", description = "Spectrum-image file or block store.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "RUN", description = "Run directory to create.")
    String output;

    @Option(names = "--block", defaultValue = "32x32", paramLabel = "HxW", description = "Block size when ingesting a file.")
    String block;

    @Option(names = "--reader-option", paramLabel = "KEY=VALUE", description = "Format-specific choice; repeatable.")
    List<String> readerOptions = List.of();

    @Option(names = "--config", paramLabel = "FILE|NAME",
            description = "Preprocessing before the decomposition: a YAML config 'for: decomposition', a built-in one"
                    + " (eds-survey, eels-decomposition) or none. Default: eds-survey for EDS, none otherwise.")
    String configSpec;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a preprocessing config value, e.g. stages[0].below=200; repeatable.")
    List<String> sets = List.of();

    @Option(names = "--components", paramLabel = "K",
            description = "Components of the weighted PCA (default: those above the Marchenko–Pastur noise edge).")
    Integer components;

    @Option(names = "--phases", paramLabel = "P",
            description = "Phases of the phase map (default: the P in 2..10 with the largest mean silhouette).")
    Integer phases;

    @Option(names = "--false-alarm", defaultValue = "1e-4", paramLabel = "ALPHA",
            description = "Per-pixel false-alarm rate of the anomaly (residual) pass.")
    double falseAlarm;

    @Option(names = "--rare-fraction", defaultValue = "" + ComponentSupport.DEFAULT_RARE_FRACTION, paramLabel = "F",
            description = "Anomaly pass: a PCA component carried by fewer than F × the pixels is a rare phase, "
                    + "left out of the model the residual is taken against; 0 keeps all.")
    double rareFraction;

    @Option(names = "--overwrite", description = "Replace an existing run directory at --output.")
    boolean overwrite;

    @Option(names = "--nmf", paramLabel = "K",
            description = "Also an NMF / MCR-ALS of K components (Poisson-weighted, at most "
                    + NmfOptions.DEFAULT_ITERATIONS + " iterations).")
    Integer nmf;

    @Option(names = "--nmf-closure", description = "With --nmf: abundances of each pixel sum to 1.")
    boolean nmfClosure;

    private Ingestion ingestion;
    private String preprocessingSpec;
    private PipelineConfig preprocessing;
    private AnomalySettings anomaly;

    @Override
    protected void validate() throws Exception {
        if (components != null && components < 1) {
            throw new IllegalArgumentException("--components must be at least 1, got " + components);
        }
        if (phases != null && (phases < 1 || phases >= PhaseModel.UNASSIGNED)) {
            throw new IllegalArgumentException("--phases must be in 1.." + (PhaseModel.UNASSIGNED - 1) + ", got " + phases);
        }
        if (nmf != null && nmf < 1) {
            throw new IllegalArgumentException("--nmf must be at least 1, got " + nmf);
        }
        if (nmfClosure && nmf == null) {
            throw new IllegalArgumentException("--nmf-closure needs --nmf K");
        }
        anomaly = new AnomalySettings(falseAlarm, null, AnomalySettings.DEFAULT_MAX_FLAGGED, 130, rareFraction);
        SpectrumImage h;
        int[] blocks;
        if (BlockStore.isStore(input, new Configuration())) {
            HeaderJson.Parsed stored = BlockStore.readHeader(input, new Configuration());
            h = stored.header();
            blocks = new int[] {stored.blockHeight(), stored.blockWidth()};
        } else {
            ingestion = new Ingestion(input, readerOptions, block, true);
            h = ingestion.header();
            blocks = BlockGrid.parseBlockSize(block);
        }
        preprocessingSpec = PipelinePreprocessing.spec(configSpec, h);
        preprocessing = PipelinePreprocessing.resolve(preprocessingSpec, sets, h, blocks);
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try (RunDirectory run = RunDirectory.begin(output, overwrite, conf, "pipeline", input)) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("input", input);
            config.put("block", block);
            config.put("readerOptions", readerOptions);
            config.put("preprocessing", preprocessing == null ? PipelinePreprocessing.NONE : preprocessingSpec);
            config.put("preprocessingSet", sets);
            config.put("components", components == null ? "Marchenko-Pastur" : components);
            config.put("phases", phases == null ? "largest mean silhouette, 2..10" : phases);
            config.put("nmf", nmf == null ? "no" : nmf + (nmfClosure ? " with closure" : ""));
            config.put("falseAlarm", falseAlarm);
            config.put("rareFraction", rareFraction);
            config.put("master", spark.sparkContext().master());
            run.manifest().config(config);

            String store = input;
            SpectrumImage h;
            if (ingestion != null) {
                long t = System.nanoTime();
                store = run.location("store");
                h = ingestion.write(spark, AtomicOutput.begin(store, false, conf));
                run.manifest().stage("ingest", (System.nanoTime() - t) / 1e9).output("store", "the input as a block store");
            } else {
                h = BlockStore.readHeader(input, conf).header();
            }
            run.manifest().input("spectrum image", h.sourceFile().isEmpty() ? input : h.sourceFile(), h.sourceSha256());

            long t = System.nanoTime();
            OverviewSummary summary = Overview.compute(spark, store);
            Overview.write(run, h, summary);
            run.manifest().stage("overview", (System.nanoTime() - t) / 1e9)
                    .count("spectra", h.spectra()).count("channels", h.channels()).count("totalCounts", h.totalCounts());
            if (preprocessing != null) {
                t = System.nanoTime();
                String raw = store;
                store = run.location("preprocessed");
                h = Preprocessing.run(spark, raw, BlockStore.readHeader(raw, conf), preprocessing,
                        AtomicOutput.begin(store, false, conf));
                run.manifest().stage("preprocess", (System.nanoTime() - t) / 1e9)
                        .output("preprocessed", "the store after the preprocessing stages (" + preprocessingSpec + ")");
                for (String map : preprocessing.allMaps()) {
                    String png = "preprocessed/" + MapImages.DIR + "/" + map + ".png";
                    if (new Path(run.location(png)).getFileSystem(conf).exists(new Path(run.location(png)))) {
                        run.manifest().output(png, "per-pixel map " + map + " of the preprocessing");
                    }
                }
            }
            try (NonZeroBlocks blocks = NonZeroBlocks.keptIfSmall(spark, store, h).reportTo(run)) {
                DecomposeStage.Fitted fitted = DecomposeStage.fit(spark, blocks, h, run, components, false,
                        PcaOptions.AUTOMATIC, PhaseClustering.keepFor(h.spectra()));
                WeightedPcaModel model = fitted.model();
                if (model.components() > 0) {
                    try (KeptUnitScores units = fitted.unitScores()) {
                        PhaseMapStage.run(spark, blocks, model, run, phases, units);
                    }
                    AnomalyStage.run(spark, blocks, h, AnomalyModels.major(model, fitted.support(), rareFraction),
                            run, anomaly);
                } else {
                    System.out.println("phasemap, anomaly: skipped, the decomposition kept no component above the noise");
                }
                if (nmf != null) {
                    NmfStage.run(spark, blocks, h, run, new NmfOptions(nmf, nmfClosure, true, List.of(), List.of(),
                            NmfOptions.DEFAULT_ITERATIONS, NmfOptions.DEFAULT_TOLERANCE));
                }
            }
            run.commit();
            System.out.println("run directory: " + output);
        }
    }
}
