package org.sicube.jobs.preprocess;

import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.preprocess.stages.Acquisition;
import org.sicube.jobs.preprocess.stages.ImageShape;
import org.sicube.jobs.store.BlockStore;
import org.sicube.transforms.physics.EnergyGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code preprocess}: block store in, block store out, the stages of a YAML pipeline config
 * chained in one pass over the blocks; the config is validated against the input store's header
 * before Spark starts.
 */
@Command(name = "preprocess", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Run a preprocessing pipeline (YAML: background, alignment, calibration, normalization, ...)"
                + " over a block store into a new store with per-pixel maps.")
public final class PreprocessJob extends SparkJob {

    @Option(names = "--input", required = true, paramLabel = "STORE", description = "Block store to read.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "STORE", description = "Block store to create.")
    String output;

    @Option(names = "--config", required = true, paramLabel = "FILE|NAME",
            description = "Pipeline config (YAML), e.g. conf/eels-coreloss.yaml, or a built-in one by name: eds-survey, eels-coreloss, eels-decomposition.")
    String config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. stages[0].window=[300,400] or powerlaw.method=log-log; repeatable.")
    List<String> sets = List.of();

    @Option(names = "--overwrite", description = "Replace an existing store at --output.")
    boolean overwrite;

    private HeaderJson.Parsed header;
    private PipelineConfig pipeline;

    @Override
    protected void validate() throws Exception {
        header = BlockStore.readHeader(input, new Configuration());
        ConfigSource source = ConfigSource.read(config);
        SpectrumImage h = header.header();
        EnergyAxis a = h.energy();
        pipeline = PipelineConfig.parse(source.yaml(), source.where(), sets,
                new EnergyGrid(a.size(), a.offsetEv(), a.scaleEv()),
                new ImageShape(h.ny(), h.nx(), header.blockHeight(), header.blockWidth(), h.pixelSize()),
                new Acquisition(h.beamEnergyKeV(), h.elements()));
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        long start = System.nanoTime();
        AtomicOutput out = AtomicOutput.begin(output, overwrite, spark.sparkContext().hadoopConfiguration(), input);
        SpectrumImage done;
        try {
            done = Preprocessing.run(spark, input, header, pipeline, out);
        } catch (Exception | Error e) {
            out.abort();
            throw e;
        }
        System.out.printf(Locale.ROOT, "preprocessed %s: %d stages, %d×%d px × %d ch, energy %s, maps %s, %.1f s → %s%n",
                input, pipeline.stages().size(), done.ny(), done.nx(), done.channels(), done.energy(),
                pipeline.allMaps(), (System.nanoTime() - start) / 1e9, output);
    }
}
