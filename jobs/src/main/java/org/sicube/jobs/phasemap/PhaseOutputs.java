package org.sicube.jobs.phasemap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.writers.hspy.HspyFile;
import org.sicube.datasets.writers.hspy.HspyMetadata;
import org.sicube.datasets.writers.hspy.HspySignal;
import org.sicube.datasets.writers.plot.CategoricalMapPng;
import org.sicube.datasets.writers.plot.SpectrumCsv;
import org.sicube.datasets.writers.plot.SpectrumPng;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * Writes a phase map into a run directory: {@code phase_map.png} (legend with pixel counts, scale
 * bar), {@code phases.csv} (phase, pixels, fraction), {@code phase_spectra.csv/.png} (mean
 * spectrum per phase, counts per channel) and, into the run's {@code results.hspy}, the phase map,
 * score maps, loadings and phase spectra as four HyperSpy signals (maps display-bounded).
 */
public final class PhaseOutputs {
    private PhaseOutputs() {
    }

    public static void write(RunDirectory run, SpectrumImage h, PhaseModel model, PhaseSummary s) throws IOException {
        int p = model.phases();
        BinnedMaps scores = s.scores();
        int mh = scores.mapHeight();
        int mw = scores.mapWidth();
        String binned = scores.bin() == 1 ? ""
                : String.format(Locale.ROOT, " (top-left pixel of each %d×%d cell)", scores.bin(), scores.bin());
        List<String> names = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<double[]> spectra = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            names.add("phase " + (i + 1));
            columns.add("phase_" + (i + 1));
            spectra.add(s.meanSpectrum(i));
        }
        int[] display = s.displayLabels();
        CategoricalMapPng.of(display, mh, mw, names).title("Phase map, P = " + p + binned)
                .pixelSize(h.pixelSize() * scores.bin(), h.pixelUnits()).write(run.localFile("phase_map.png"));
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(run.create("phases.csv"), StandardCharsets.UTF_8))) {
            w.write("phase,pixels,fraction\n");
            for (int i = 0; i <= p; i++) {
                if (i < p || s.pixels(p) > 0) {
                    w.write((i < p ? Integer.toString(i + 1) : "none") + "," + s.pixels(i) + ","
                            + (double) s.pixels(i) / h.spectra() + "\n");
                }
            }
        }
        SpectrumCsv.write(run.localFile("phase_spectra.csv"), h.energy(), columns, spectra);
        SpectrumPng png = SpectrumPng.of(h.energy()).title("Mean spectrum per phase").intensityLabel("counts per pixel")
                .logY(true);
        for (int i = 0; i < p; i++) {
            png.add(names.get(i) + " (" + s.pixels(i) + " px)", spectra.get(i));
        }
        png.write(run.localFile("phase_spectra.png"));
        writeHspy(run, h, model.decomposition(), scores, display, spectra);
        run.manifest().output("phase_map.png", "phase per pixel" + binned + ", legend with pixel counts")
                .output("phases.csv", "pixels and fraction of the image per phase")
                .output("phase_spectra.csv", "mean spectrum per phase, counts per channel")
                .output("phase_spectra.png", "the mean spectra, log scale")
                .output(LabelParquet.DIR, "full-resolution phase labels, Parquet, one row per block (255 = none)")
                .count("phases", p);
    }

    private static void writeHspy(RunDirectory run, SpectrumImage h, WeightedPcaModel m, BinnedMaps scores,
            int[] display, List<double[]> spectra) throws IOException {
        int mh = scores.mapHeight();
        int mw = scores.mapWidth();
        double px = h.pixelSize() * scores.bin();
        HspyFile file = run.results().addSignal(HspySignal.image(HspyMetadata.titled("phase map").withQuantity("phase (-1: none)"),
                        mh, mw, px, h.pixelUnits(), display));
        int k = m.components();
        if (k > 0) {
            file.addSignal(HspySignal.imageStack(HspyMetadata.titled("score maps").withQuantity("weighted score"),
                    "component", k, mh, mw, px, h.pixelUnits(), scores.meanMaps()));
            // Column-major E × K loadings are K rows of E values: the (component, energy) layout.
            file.addSignal(HspySignal.spectra(spectrumMetadata("loadings", h), "component", h.energy(), k,
                    m.loadings()));
        }
        double[] all = new double[spectra.size() * h.channels()];
        for (int i = 0; i < spectra.size(); i++) {
            System.arraycopy(spectra.get(i), 0, all, i * h.channels(), h.channels());
        }
        file.addSignal(HspySignal.spectra(spectrumMetadata("phase spectra", h).withQuantity("Intensity (counts)"),
                "phase", h.energy(), spectra.size(), all));
    }

    private static HspyMetadata spectrumMetadata(String title, SpectrumImage h) {
        return new HspyMetadata(title, h.signalType(), "", h.beamEnergyKeV(), Double.NaN, h.elements());
    }
}
