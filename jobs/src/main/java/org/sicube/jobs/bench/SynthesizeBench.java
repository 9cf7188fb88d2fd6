package org.sicube.jobs.bench;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench synthesize}: the {@code synthesize} job (EDS, the demo phases) into a store on local
 * disk, timed end to end including its ground truth; reports the store's size against the same
 * cube as dense float32.
 */
@Command(name = "synthesize", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Time the synthesize job (EDS) into a store on local disk; store size vs dense float32.")
final class SynthesizeBench extends BenchCommand {

    @Option(names = "--size", defaultValue = "1000x1000", paramLabel = "NYxNX", description = "Image size in pixels.")
    String size;

    @Option(names = "--channels", defaultValue = "2048", description = "Energy channels.")
    int channels;

    @Option(names = "--mean-counts", defaultValue = "200", paramLabel = "COUNTS", description = "Mean counts per pixel.")
    double meanCounts;

    @Override
    protected void measure(SparkSession spark) throws Exception {
        Path store = work.resolve("synthesize-" + size + ".store").toAbsolutePath();
        String[] job = {"synthesize", "--kind", "eds", "--output", store.toString(), "--size", size,
            "--channels", Integer.toString(channels), "--mean-counts", Double.toString(meanCounts)};
        List<Trials.Run> runs = Trials.repeat(this.runs, () -> StoreSize.delete(store), () -> JobCall.run(job));
        String[] shape = size.toLowerCase(java.util.Locale.ROOT).split("x");
        long spectra = Long.parseLong(shape[0].trim()) * Long.parseLong(shape[1].trim());
        double storeMb = StoreSize.storeMb(store);
        double dense = Report.denseF32Mb(spectra, channels);
        emit(Report.summary("synthesize", spectra, channels, 0, runs)
                .put("mean_counts", meanCounts)
                .put("store_mb", storeMb)
                .put("truth_mb", StoreSize.truthMb(store))
                .put("dense_f32_mb", dense)
                .put("store_ratio", storeMb / dense)
                .put("store", store.toString())
                .put("runs", Report.runs(runs)));
    }
}
