package org.sicube.jobs.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.sicube.jobs.core.JobCommand;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.transfer.BandedTransfer;
import org.sicube.transforms.transfer.PdsFit;
import org.sicube.transforms.transfer.SlopeBiasFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code transfer}: learns, from the same standards measured on two instruments, the map that
 * turns the source instrument's spectra into the target instrument's response (PDS or slope/bias)
 * and saves it as {@code transfer.json} for the preprocess stage {@code transfer}. No Spark needed.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Calibration transfer between instruments: learn a banded linear map (PDS) or slope/bias "
                + "from standards measured on both (EMSA .msa or any small spectrum-image file).")
public final class TransferJob extends JobCommand {

    @Option(names = "--source", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Standards measured on the instrument whose spectra will be converted, in order.")
    List<String> source;

    @Option(names = "--target", required = true, arity = "1..*", paramLabel = "FILE",
            description = "The same standards, same order, measured on the reference instrument.")
    List<String> target;

    @Option(names = "--method", defaultValue = "pds", paramLabel = "METHOD",
            description = "pds (each target channel from ±window source channels) or slope-bias (gain and offset only).")
    String method;

    @Option(names = "--window", defaultValue = "2", paramLabel = "W", description = "PDS half-width, channels.")
    int window;

    @Option(names = "--ridge", defaultValue = "1e-3", paramLabel = "R",
            description = "PDS ridge, relative to trace(XᵀX)/m of the centred source window (needed when standards < 2W + 2).")
    double ridge;

    @Option(names = "--scope", defaultValue = "channel", paramLabel = "SCOPE",
            description = "slope-bias: channel (a gain and offset per channel) or global (one of each).")
    String scope;

    @Option(names = "--output", required = true, paramLabel = "RUN", description = "Run directory to create.")
    String output;

    @Option(names = "--overwrite", description = "Replace an existing run directory at --output.")
    boolean overwrite;

    @Override
    protected void execute() throws Exception {
        if (!method.equals("pds") && !method.equals("slope-bias")) {
            throw new IllegalArgumentException("--method must be pds or slope-bias, got '" + method + "'");
        }
        if (!scope.equals("channel") && !scope.equals("global")) {
            throw new IllegalArgumentException("--scope must be channel or global, got '" + scope + "'");
        }
        if (window < 0 || !(ridge >= 0)) {
            throw new IllegalArgumentException("--window must be ≥ 0 channels and --ridge ≥ 0, got " + window + ", " + ridge);
        }
        if (source.size() != target.size()) {
            throw new IllegalArgumentException(source.size() + " --source files but " + target.size()
                    + " --target files; give each standard on both instruments, in the same order");
        }
        StandardSpectra src = StandardSpectra.read(source, "--source");
        StandardSpectra tgt = StandardSpectra.read(target, "--target");
        if (!src.axis().sameAs(tgt.axis())) {
            throw AxisMismatch.of("--target " + target.get(0), tgt.axis(), "--source " + source.get(0), src.axis());
        }
        if (src.spectra().length != tgt.spectra().length) {
            throw new IllegalArgumentException("the --source files hold " + src.spectra().length + " spectra, the --target "
                    + "files " + tgt.spectra().length + "; each standard must be measured on both");
        }
        BandedTransfer t = method.equals("pds") ? PdsFit.fit(src.spectra(), tgt.spectra(), window, ridge)
                : scope.equals("global") ? SlopeBiasFit.global(src.spectra(), tgt.spectra())
                : SlopeBiasFit.perChannel(src.spectra(), tgt.spectra());
        List<String> inputs = new ArrayList<>(source);
        inputs.addAll(target);
        try (RunDirectory run = RunDirectory.begin(output, overwrite, new Configuration(), "transfer",
                inputs.toArray(String[]::new))) {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("method", method);
            if (method.equals("pds")) {
                about.put("ridge", ridge);
            } else {
                about.put("scope", scope);
            }
            about.put("standards", src.spectra().length);
            about.put("source", source);
            about.put("target", target);
            run.manifest().config(about);
            for (String f : source) {
                run.manifest().input("source standard", f, "");
            }
            for (String f : target) {
                run.manifest().input("target standard", f, "");
            }
            double[] rms = TransferOutputs.write(run, t, src, tgt, about);
            run.commit();
            System.out.printf(Locale.ROOT, "transfer %s%s: %d standards, %s; RMS target − source %.4g → %.4g after "
                    + "(on the standards) → %s%n", method, method.equals("pds") ? " ±" + window + " ch" : " (" + scope + ")",
                    src.spectra().length, src.axis(), rms[0], rms[1], output);
        }
    }
}
