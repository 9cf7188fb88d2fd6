package org.sicube.jobs.decompose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFiles;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Known reference spectra for fixed NMF components, read from EMSA/MSA files (or any single
 * spectrum a reader understands) and checked against the store's energy axis: same number of
 * channels, offset and scale equal to within 10⁻⁶ of a channel over the whole range
 * ({@link EnergyAxis#sameAs}). Negative values are refused (a spectrum for NMF must be ≥ 0).
 */
public final class FixedSpectra {

    private FixedSpectra() {
    }

    /** The spectra of {@code files}, in order. */
    public static List<double[]> read(List<String> files, EnergyAxis axis) throws IOException {
        List<double[]> out = new ArrayList<>();
        for (String f : files) {
            try (SpectrumImageReader r = Formats.open(InputFiles.of(f))) {
                SpectrumImage s = r.header();
                if (s.ny() != 1 || s.nx() != 1) {
                    throw new InvalidInputException(f + ": a fixed component must be a single spectrum, found a "
                            + s.ny() + "x" + s.nx() + " image");
                }
                if (!s.energy().sameAs(axis)) {
                    throw new InvalidInputException(f + ": energy axis " + s.energy() + " differs from the store's "
                            + axis + "; recalibrate or rebin the standard first");
                }
                float[] counts = r.readBlock(0, 0, 1, 1).counts();
                double[] v = new double[counts.length];
                double total = 0;
                for (int e = 0; e < v.length; e++) {
                    if (!(counts[e] >= 0) || Float.isInfinite(counts[e])) {
                        throw new InvalidInputException(f + ": channel " + e + " holds " + counts[e]
                                + "; a fixed spectrum must be finite and non-negative");
                    }
                    v[e] = counts[e];
                    total += v[e];
                }
                if (!(total > 0)) {
                    throw new InvalidInputException(f + ": the spectrum is all zero");
                }
                out.add(v);
            }
        }
        return out;
    }

    /** File name without directories and extension, for labels. */
    public static String name(String file) {
        String n = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
