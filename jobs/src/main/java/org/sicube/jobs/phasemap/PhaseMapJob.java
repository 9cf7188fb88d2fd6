package org.sicube.jobs.phasemap;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.decompose.ModelFiles;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.decomposition.WeightedPcaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phasemap}: phases by K-means in the score space of a {@code decompose} run, folded back to
 * a map, with each phase's pixel count and mean spectrum.
 */
@Command(name = "phasemap", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Phase map by K-means on the unit-normalised scores of a decompose run: map, counts, mean spectra.")
public final class PhaseMapJob extends SparkJob {

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Block store to read (local or hdfs://).")
    String store;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "Run directory of 'sicube decompose' (its model.bin).")
    String modelRun;

    @Option(names = "--output", required = true, paramLabel = "RUN", description = "Run directory to create.")
    String output;

    @Option(names = "--phases", paramLabel = "P",
            description = "Number of phases (default: the P in 2..10 with the largest mean silhouette on a sample of 2000 pixels).")
    Integer phases;

    @Option(names = "--overwrite", description = "Replace an existing run directory at --output.")
    boolean overwrite;

    @Override
    protected void validate() throws Exception {
        if (phases != null && (phases < 1 || phases >= PhaseModel.UNASSIGNED)) {
            throw new IllegalArgumentException("--phases must be in 1.." + (PhaseModel.UNASSIGNED - 1) + ", got " + phases);
        }
        BlockStore.readHeader(store, new Configuration());
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SpectrumImage h = BlockStore.readHeader(store, conf).header();
        WeightedPcaModel model = ModelFiles.read(modelRun, conf);
        try (RunDirectory run = RunDirectory.begin(output, overwrite, conf, "phasemap", store, modelRun)) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("store", store);
            config.put("model", modelRun);
            config.put("phases", phases == null ? "largest mean silhouette, 2..10" : phases);
            config.put("master", spark.sparkContext().master());
            run.manifest().config(config)
                    .input("spectrum image", h.sourceFile().isEmpty() ? store : h.sourceFile(), h.sourceSha256());
            try (NonZeroBlocks blocks = NonZeroBlocks.keptIfSmall(spark, store, h).reportTo(run)) {
                PhaseMapStage.run(spark, blocks, model, run, phases);
            }
            run.commit();
            System.out.println("run directory: " + output);
        }
    }
}
