package org.sicube.datasets.writers.plot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.sicube.datasets.model.EnergyAxis;

/**
 * Spectra on one energy axis as CSV: a header line {@code channel,energy_<units>,<name>...}, then one
 * row per channel; numbers in Locale.ROOT with full float precision. Names containing commas or
 * quotes are quoted (RFC 4180).
 */
public final class SpectrumCsv {
    private SpectrumCsv() {
    }

    /** Writes {@code spectra.get(i)} (each {@code axis.size()} values) under the column {@code names.get(i)}. */
    public static void write(Path target, EnergyAxis axis, List<String> names, List<double[]> spectra) throws IOException {
        if (names.size() != spectra.size() || names.isEmpty()) {
            throw new IllegalArgumentException("need one name per spectrum, got " + names.size() + " names for "
                    + spectra.size() + " spectra");
        }
        for (int s = 0; s < spectra.size(); s++) {
            if (spectra.get(s).length != axis.size()) {
                throw new IllegalArgumentException("spectrum '" + names.get(s) + "' has " + spectra.get(s).length
                        + " channels but the axis has " + axis.size());
            }
        }
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("channel,energy_" + axis.units());
                for (String n : names) {
                    w.write(',');
                    w.write(quote(n));
                }
                w.write('\n');
                for (int c = 0; c < axis.size(); c++) {
                    w.write(Integer.toString(c));
                    w.write(',');
                    w.write(String.format(Locale.ROOT, "%.8g", axis.energy(c)));
                    for (double[] s : spectra) {
                        w.write(',');
                        w.write(Double.toString(s[c]));
                    }
                    w.write('\n');
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String quote(String name) {
        if (name.contains(",") || name.contains("\"") || name.contains("\n")) {
            return '"' + name.replace("\"", "\"\"") + '"';
        }
        return name;
    }
}
