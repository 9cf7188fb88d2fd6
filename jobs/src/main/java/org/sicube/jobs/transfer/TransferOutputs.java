package org.sicube.jobs.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.writers.plot.SpectrumPng;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.transfer.BandedTransfer;

/**
 * Writes a {@code transfer} run: {@code transfer.json} (the model), {@code transfer_fit.csv} (per
 * channel, RMS over the standards of target − source and of target − transferred source, counts)
 * and {@code transfer_example.png} (the first standard: source, target, transferred).
 */
final class TransferOutputs {
    static final String CSV = "transfer_fit.csv";
    static final String PNG = "transfer_example.png";

    private TransferOutputs() {
    }

    /** Returns the RMS over all channels and standards before and after the transfer, counts. */
    static double[] write(RunDirectory run, BandedTransfer t, StandardSpectra src, StandardSpectra tgt,
            Map<String, Object> about) throws IOException {
        EnergyAxis axis = src.axis();
        int n = axis.size();
        int k = src.spectra().length;
        double[][] mapped = new double[k][];
        double[] before = new double[n];
        double[] after = new double[n];
        for (int s = 0; s < k; s++) {
            mapped[s] = t.apply(src.spectra()[s], new double[n]);
            for (int j = 0; j < n; j++) {
                double d0 = tgt.spectra()[s][j] - src.spectra()[s][j];
                double d1 = tgt.spectra()[s][j] - mapped[s][j];
                before[j] += d0 * d0 / k;
                after[j] += d1 * d1 / k;
            }
        }
        double sb = 0;
        double sa = 0;
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(run.create(CSV), StandardCharsets.UTF_8))) {
            w.write("channel,energy_" + axis.units() + ",rms_before,rms_after\n");
            for (int j = 0; j < n; j++) {
                sb += before[j] / n;
                sa += after[j] / n;
                w.write(String.format(Locale.ROOT, "%d,%.8g,%.6g,%.6g%n", j, axis.energy(j), Math.sqrt(before[j]),
                        Math.sqrt(after[j])));
            }
        }
        double[] rms = {Math.sqrt(sb), Math.sqrt(sa)};
        Map<String, Object> all = new java.util.LinkedHashMap<>(about);
        all.put("rmsBefore", rms[0]);
        all.put("rmsAfter", rms[1]);
        run.writeString(TransferFile.FILE, TransferFile.toJson(t, axis, all));
        SpectrumPng.of(axis).title("Standard 1: " + src.files().get(0) + " → " + tgt.files().get(0))
                .add("source instrument", src.spectra()[0]).add("target instrument", tgt.spectra()[0])
                .add("source transferred", mapped[0]).write(run.localFile(PNG));
        run.manifest().output(TransferFile.FILE, "the learned map: axis, method, window, weights and offsets per channel")
                .output(CSV, "per channel RMS over the standards of target − source and target − transferred, counts")
                .output(PNG, "the first standard on both instruments and transferred")
                .count("standards", k).count("rmsBefore", rms[0]).count("rmsAfter", rms[1]);
        return rms;
    }
}
