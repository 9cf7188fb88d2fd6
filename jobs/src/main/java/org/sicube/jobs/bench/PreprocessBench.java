package org.sicube.jobs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench preprocess}: the {@code preprocess} job on a synthetic EELS store (drifting, with
 * edges; kept between runs), once per stage type alone and once for the chain align + power law +
 * normalize, each against a pass that only reads and writes the same blocks (a config without
 * stages). Targets: the chain ≥ 20 000 spectra/s and ≤ 1.5× the read-write pass.
 */
@Command(name = "preprocess", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Time each preprocessing stage and the chain align + powerlaw + normalize against a read-write pass.")
final class PreprocessBench extends BenchCommand {

    /** One stage per type, with the parameters of the example configs (energies in eV). */
    static final Map<String, String> STAGES = stages();

    @Option(names = "--size", defaultValue = "1000x1000", paramLabel = "NYxNX", description = "Image size in pixels.")
    String size;

    @Option(names = "--channels", defaultValue = "2048", description = "Energy channels (0.5 eV from 250 eV).")
    int channels;

    @Option(names = "--stages", defaultValue = "all", split = ",", paramLabel = "TYPE",
            description = "Stage types timed alone ('all', 'none', or a list of: align, xcorr, powerlaw, log-log, snip, asls, normalize, crop, ebin, mask-zero-channels, gain).")
    List<String> only;

    private static Map<String, String> stages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("align", "  - type: align\n    method: fit\n    maxShift: 10\n    segment: 128\n");
        m.put("xcorr", "  - type: align\n    method: xcorr\n    maxShift: 10\n");
        m.put("powerlaw", "  - type: powerlaw\n    window: [410, 450]\n    method: two-area\n");
        m.put("log-log", "  - type: powerlaw\n    window: [410, 450]\n    method: log-log\n");
        m.put("snip", "  - type: snip\n    window: 40\n");
        m.put("asls", "  - type: asls\n    lambda: 1.0e5\n    p: 0.01\n    iterations: 10\n");
        m.put("normalize", "  - type: normalize\n    method: total\n");
        m.put("crop", "  - type: crop\n    range: [400, 900]\n");
        m.put("ebin", "  - type: ebin\n    factor: 2\n");
        m.put("mask-zero-channels", "  - type: mask-zero-channels\n    below: 300\n");
        m.put("gain", "  - type: gain\n    gain: 2\n");
        return m;
    }

    @Override
    protected void measure(SparkSession spark) throws Exception {
        String[] shape = size.toLowerCase(Locale.ROOT).split("x");
        long spectra = Long.parseLong(shape[0].trim()) * Long.parseLong(shape[1].trim());
        Path input = work.resolve("preprocess-eels-" + size + "x" + channels + ".store").toAbsolutePath();
        if (!Files.exists(input.resolve("header.json"))) {
            JobCall.run("synthesize", "--kind", "eels", "--size", size, "--channels", Integer.toString(channels),
                    "--output", input.toString(), "--overwrite");
        }
        long inputBytes = (long) (StoreSize.storeMb(input) * 1e6);
        JsonLine copy = time("read_write", "", input, spectra, inputBytes);
        emit(copy);
        double base = seconds(copy);
        for (Map.Entry<String, String> s : STAGES.entrySet()) {
            if (only.contains("all") || only.contains(s.getKey())) {
                emit(ratio(time("stage_" + s.getKey(), s.getValue(), input, spectra, inputBytes), base));
            }
        }
        String chain = STAGES.get("align") + STAGES.get("powerlaw") + STAGES.get("normalize");
        emit(ratio(time("chain_align_powerlaw_normalize", chain, input, spectra, inputBytes), base)
                .put("target", "≥ 20000 spectra/s and ≤ 1.5× read_write"));
    }

    private JsonLine time(String what, String stages, Path input, long spectra, long inputBytes) throws Exception {
        Path config = work.resolve("bench-" + what + ".yaml");
        Files.writeString(config, "description: bench " + what + "\nstages:" + (stages.isEmpty() ? " []\n" : "\n" + stages));
        Path out = work.resolve("preprocess-out.store").toAbsolutePath();
        String[] job = {"preprocess", "--input", input.toString(), "--config", config.toString(),
            "--output", out.toString(), "--overwrite"};
        List<Trials.Run> runs = Trials.repeat(this.runs, () -> StoreSize.delete(out), () -> JobCall.run(job));
        return Report.summary(what, spectra, channels, inputBytes, runs).put("runs", Report.runs(runs));
    }

    private static double seconds(JsonLine line) {
        return ((Number) line.get("seconds")).doubleValue();
    }

    private static JsonLine ratio(JsonLine line, double readWriteSeconds) {
        return line.put("ratio_to_read_write", seconds(line) / readWriteSeconds);
    }
}
