package org.sicube.jobs.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFiles;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * The standards measured on one instrument: every spectrum of the given files in order (an EMSA
 * {@code .msa} file is one spectrum; a small spectrum image gives its pixels row by row), all on
 * one energy axis. Spectra are {@code [standard][channel]} in the files' units (counts).
 */
record StandardSpectra(EnergyAxis axis, double[][] spectra, List<String> files) {
    /** Most spectra read from one file: standards are few, and all are held in memory. */
    static final long MAX_PER_FILE = 100_000;

    static StandardSpectra read(List<String> files, String option) throws IOException {
        EnergyAxis axis = null;
        String first = null;
        List<double[]> out = new ArrayList<>();
        for (String f : files) {
            try (SpectrumImageReader r = Formats.open(InputFiles.of(f))) {
                SpectrumImage h = r.header();
                if (h.spectra() > MAX_PER_FILE) {
                    throw new InvalidInputException(option + " " + f + ": " + h.spectra() + " spectra; standards are "
                            + "read whole, at most " + MAX_PER_FILE + " per file");
                }
                if (axis == null) {
                    axis = h.energy();
                    first = f;
                } else if (!axis.sameAs(h.energy())) {
                    throw AxisMismatch.of(option + " " + f, h.energy(), option + " " + first, axis);
                }
                PixelBlock b = r.readBlock(0, 0, h.ny(), h.nx());
                int n = h.channels();
                for (int p = 0; p < b.pixels(); p++) {
                    double[] s = new double[n];
                    for (int c = 0; c < n; c++) {
                        s[c] = b.counts()[p * n + c];
                    }
                    out.add(s);
                }
            }
        }
        return new StandardSpectra(axis, out.toArray(double[][]::new), List.copyOf(files));
    }
}
