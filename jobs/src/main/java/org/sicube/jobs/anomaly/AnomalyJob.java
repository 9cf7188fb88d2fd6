package org.sicube.jobs.anomaly;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.decompose.ModelFiles;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.anomaly.ComponentSupport;
import org.sicube.transforms.anomaly.Reconstruction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anomaly}: the residual pass of a fitted decomposition over a block store (the same store
 * or another one on the same energy axis): per-pixel Poisson deviance, a threshold from the
 * nominal distribution, flagged pixels grouped into regions whose residual peaks are named.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Rare phases: Poisson deviance of the K-component reconstruction per pixel, flagged pixels "
                + "grouped into regions with their residual peaks and X-ray lines.")
public final class AnomalyJob extends SparkJob {

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Block store to analyse (local or hdfs://).")
    String store;

    @Option(names = "--model", required = true, paramLabel = "RUN",
            description = "Run directory of 'sicube decompose' or 'pipeline' (its model.bin, else the NMF's nmf_model.bin).")
    String modelRun;

    @Option(names = "--output", required = true, paramLabel = "RUN", description = "Run directory to create.")
    String output;

    @Option(names = "--false-alarm", defaultValue = "1e-4", paramLabel = "ALPHA",
            description = "Per-pixel false-alarm rate the threshold is set for.")
    double falseAlarm;

    @Option(names = "--nominal", paramLabel = "STORE",
            description = "Store known to hold no anomaly whose deviance distribution sets the threshold "
                    + "(default: the central bulk of the analysed store's own distribution).")
    String nominal;

    @Option(names = "--max-flagged", defaultValue = "10000", paramLabel = "PIXELS",
            description = "Most flagged pixels whose spectra are grouped into regions (the mask holds all).")
    int maxFlagged;

    @Option(names = "--fwhm", defaultValue = "130", paramLabel = "EV",
            description = "EDS detector FWHM at Mn Kα in eV, for naming residual peaks.")
    double fwhm;

    @Option(names = "--rare-fraction", defaultValue = "" + ComponentSupport.DEFAULT_RARE_FRACTION, paramLabel = "F",
            description = "A PCA component carried by fewer than F × the pixels (participation ratio of its scores "
                    + "on the fitted store) is a rare phase and is left out of the reconstruction; 0 keeps all.")
    double rareFraction;

    @Option(names = "--overwrite", description = "Replace an existing run directory at --output.")
    boolean overwrite;

    private AnomalySettings settings;

    @Override
    protected void validate() throws Exception {
        settings = new AnomalySettings(falseAlarm, nominal, maxFlagged, fwhm, rareFraction);
        BlockStore.readHeader(store, new Configuration());
        if (nominal != null) {
            BlockStore.readHeader(nominal, new Configuration());
        }
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SpectrumImage h = BlockStore.readHeader(store, conf).header();
        Reconstruction model = AnomalyModels.read(modelRun, conf, rareFraction);
        EnergyAxis modelAxis = ModelFiles.readAxis(modelRun, conf);
        AxisCheck.require(modelAxis, modelRun, model.channels(), h.energy(), store);
        if (nominal != null) {
            AxisCheck.require(modelAxis, modelRun, model.channels(), BlockStore.readHeader(nominal, conf).header().energy(),
                    nominal);
        }
        String[] inputs = nominal == null ? new String[] {store, modelRun} : new String[] {store, modelRun, nominal};
        try (RunDirectory run = RunDirectory.begin(output, overwrite, conf, "anomaly", inputs)) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("store", store);
            config.put("model", modelRun);
            config.put("falseAlarm", falseAlarm);
            config.put("nominal", nominal == null ? "central bulk of the analysed store" : nominal);
            config.put("maxFlagged", maxFlagged);
            config.put("fwhmMnKaEv", fwhm);
            config.put("rareFraction", rareFraction);
            config.put("master", spark.sparkContext().master());
            run.manifest().config(config)
                    .input("spectrum image", h.sourceFile().isEmpty() ? store : h.sourceFile(), h.sourceSha256());
            // one pass over every block, then a few blocks read again: nothing to keep in memory
            AnomalyStage.run(spark, NonZeroBlocks.streamed(spark, store), h, model, run, settings);
            run.commit();
            System.out.println("run directory: " + output);
        }
    }
}
