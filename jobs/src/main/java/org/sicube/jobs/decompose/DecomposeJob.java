package org.sicube.jobs.decompose;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code decompose}: the Poisson-weighted (Keenan–Kotula) PCA of a block store into a run
 * directory: loadings, scree, score maps and the model for {@code phasemap}.
 */
@Command(name = "decompose", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Poisson-weighted PCA of a block store: loadings, scree plot, score maps and the model.")
public final class DecomposeJob extends SparkJob {

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Block store to read (local or hdfs://).")
    String store;

    @Option(names = "--output", required = true, paramLabel = "RUN", description = "Run directory to create.")
    String output;

    @Option(names = "--components", paramLabel = "K",
            description = "Components to keep (default: those above the Marchenko–Pastur noise edge).")
    Integer components;

    @Option(names = "--centre", description = "Subtract the weighted mean spectrum before the decomposition.")
    boolean centre;

    @Option(names = "--overwrite", description = "Replace an existing run directory at --output.")
    boolean overwrite;

    @Override
    protected void validate() throws Exception {
        if (components != null && components < 1) {
            throw new IllegalArgumentException("--components must be at least 1, got " + components);
        }
        BlockStore.readHeader(store, new Configuration());
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SpectrumImage h = BlockStore.readHeader(store, conf).header();
        try (RunDirectory run = RunDirectory.begin(output, overwrite, conf, "decompose", store)) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("store", store);
            config.put("components", components == null ? "Marchenko-Pastur" : components);
            config.put("centre", centre);
            config.put("master", spark.sparkContext().master());
            run.manifest().config(config)
                    .input("spectrum image", h.sourceFile().isEmpty() ? store : h.sourceFile(), h.sourceSha256());
            DecomposeStage.run(spark, store, h, run, components, centre);
            run.commit();
            System.out.println("run directory: " + output);
        }
    }
}
