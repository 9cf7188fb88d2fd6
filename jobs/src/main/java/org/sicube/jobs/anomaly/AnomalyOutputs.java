package org.sicube.jobs.anomaly;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.writers.plot.MapPng;
import org.sicube.datasets.writers.plot.SpectrumCsv;
import org.sicube.datasets.writers.plot.SpectrumPng;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.anomaly.LineAssignment;
import org.sicube.transforms.anomaly.LogHistogram;
import org.sicube.transforms.physics.XrayLine;

/**
 * Writes the anomaly pass into a run directory: {@code anomaly_map.png} (deviance per pixel, log
 * scale, largest value per display cell), {@code deviance_histogram.csv}, {@code regions.json} and
 * {@code regions.csv} (one entry per connected region), {@code region_residuals.csv} and
 * {@code region_N.png} (mean residual and mean spectrum) for the {@link #PLOTTED} largest regions,
 * each listed in the manifest; the Parquet mask is written by {@link AnomalyStage}.
 */
final class AnomalyOutputs {
    static final int PLOTTED = 20;

    private AnomalyOutputs() {
    }

    static void write(RunDirectory run, SpectrumImage h, ResidualSummary summary, DevianceThreshold threshold,
            long flagged, int collected, List<AnomalyRegion> regions) throws IOException {
        BinnedMaps map = summary.map();
        String binned = map.bin() == 1 ? ""
                : String.format(Locale.ROOT, " (largest of %d×%d pixels per cell)", map.bin(), map.bin());
        MapPng.of(map.maxMap(0), map.mapHeight(), map.mapWidth()).scale(MapPng.Scale.LOG)
                .title(String.format(Locale.ROOT, "Poisson deviance of the K-component residual%s; flagged above %.4g",
                        binned, threshold.deviance()))
                .quantity("Poisson deviance D").pixelSize(h.pixelSize() * map.bin(), h.pixelUnits())
                .write(run.localFile("anomaly_map.png"));
        writeHistogram(run, summary);
        AnomalyResults.write(run, h, map, threshold, flagged, regions, PLOTTED);
        AnomalyJson.write(run, threshold, flagged, collected, regions);
        writeCsv(run, regions);
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (AnomalyRegion r : regions.subList(0, Math.min(PLOTTED, regions.size()))) {
            names.add("region_" + r.id());
            columns.add(r.meanResidual());
            SpectrumPng png = SpectrumPng.of(h.energy())
                    .title(String.format(Locale.ROOT, "Region %d: %d px at y %d–%d, x %d–%d", r.id(), r.pixels(),
                            r.y0(), r.y1(), r.x0(), r.x1()))
                    .intensityLabel("counts per pixel")
                    .add("mean residual x − x̂", r.meanResidual()).add("mean spectrum x", r.meanSpectrum());
            for (LineAssignment.Assigned a : r.peaks()) {
                if (a.best() != null) {
                    png.line(a.best().energyKeV() * 1000 / h.energy().toEvFactor(), a.best().element() + " "
                            + a.best().line());
                }
            }
            png.write(run.localFile("region_" + r.id() + ".png"));
        }
        if (!names.isEmpty()) {
            SpectrumCsv.write(run.localFile("region_residuals.csv"), h.energy(), names, columns);
            run.manifest().output("region_residuals.csv", "mean residual x − x̂ per channel of the largest regions")
                    .output("region_N.png", "mean residual and mean spectrum of region N (the largest " + PLOTTED + ")");
        }
        run.manifest().output("anomaly_map.png", "Poisson deviance of the reconstruction per pixel, log scale" + binned)
                .output("deviance_histogram.csv", "pixels per deviance and χ² bin (log bins), the threshold's input")
                .output(MaskParquet.DIR, "full-resolution anomaly mask, Parquet, one row per block (1 = flagged)")
                .output(AnomalyJson.FILE, "threshold rule and every connected region with its peaks and lines")
                .output("regions.csv", "one row per region: box, pixels, deviance, strongest peak and its line")
                .count("flaggedPixels", flagged).count("anomalyRegions", regions.size());
    }

    private static void writeHistogram(RunDirectory run, ResidualSummary s) throws IOException {
        LogHistogram d = s.deviance();
        LogHistogram c = s.chiSquare();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(run.create("deviance_histogram.csv"),
                StandardCharsets.UTF_8))) {
            w.write("bin_low,bin_high,deviance_pixels,chi_square_pixels\n");
            w.write("0,0," + d.zeros() + "," + c.zeros() + "\n");
            for (int i = 0; i < d.bins(); i++) {
                if (d.bin(i) > 0 || c.bin(i) > 0) {
                    double hi = i + 1 < d.bins() ? d.binLow(i + 1) : Math.pow(10, LogHistogram.MAX_DECADE);
                    w.write(d.binLow(i) + "," + hi + "," + d.bin(i) + "," + c.bin(i) + "\n");
                }
            }
        }
    }

    private static void writeCsv(RunDirectory run, List<AnomalyRegion> regions) throws IOException {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(run.create("regions.csv"),
                StandardCharsets.UTF_8))) {
            w.write("region,y0,x0,y1,x1,pixels,max_deviance,mean_deviance,peak_keV,peak_counts,line,line_keV\n");
            for (AnomalyRegion r : regions) {
                LineAssignment.Assigned top = r.peaks().isEmpty() ? null : r.peaks().get(0);
                XrayLine line = r.identified();
                w.write(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.6g,%.6g,%s,%s,%s,%s%n", r.id(), r.y0(), r.x0(),
                        r.y1(), r.x1(), r.pixels(), r.maxDeviance(), r.meanDeviance(),
                        top == null ? "" : String.format(Locale.ROOT, "%.4f", top.peak().energyKeV()),
                        top == null ? "" : String.format(Locale.ROOT, "%.4g", top.peak().counts()),
                        line == null ? "" : line.element() + " " + line.line(),
                        line == null ? "" : String.format(Locale.ROOT, "%.4f", line.energyKeV())));
            }
        }
    }
}
