package org.sicube.jobs;

import org.sicube.jobs.anomaly.AnomalyJob;
import org.sicube.jobs.decompose.DecomposeJob;
import org.sicube.jobs.export.ExportJob;
import org.sicube.jobs.info.InfoJob;
import org.sicube.jobs.ingest.IngestJob;
import org.sicube.jobs.noise.NoiseJob;
import org.sicube.jobs.phasemap.PhaseMapJob;
import org.sicube.jobs.pipeline.PipelineJob;
import org.sicube.jobs.preprocess.PreprocessJob;
import org.sicube.jobs.synthesize.SynthesizeJob;
import org.sicube.jobs.transfer.TransferJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point: {@code sicube <job> [--option value ...]}, from {@code scripts/sicube} or
 * {@code spark-submit --class org.sicube.jobs.Sicube sicube-jobs-app.jar <job> ...}.
 */
@Command(name = "sicube", mixinStandardHelpOptions = true, version = "sicube 0.1.0",
        description = "Spectrum-image analysis (STEM-EDS, EELS) on Apache Spark.",
        subcommands = {IngestJob.class, InfoJob.class, ExportJob.class, SynthesizeJob.class, PreprocessJob.class,
                DecomposeJob.class, PhaseMapJob.class, AnomalyJob.class, PipelineJob.class, NoiseJob.class,
                TransferJob.class})
public final class Sicube implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs a job and returns its exit code (0 done, 1 internal error, 2 user error). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Sicube());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("sicube: " + ex.getMessage() + " (see 'sicube "
                    + ex.getCommandLine().getCommandName() + " --help')");
            return 2;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
