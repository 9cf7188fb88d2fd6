package org.sicube.jobs.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.writers.hspy.HspyMetadata;
import org.sicube.datasets.writers.hspy.HspySignal;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.anomaly.LineAssignment;

/**
 * The anomaly pass in the run's shared results: four HyperSpy signals in {@code results.hspy}
 * ("anomaly deviance" and "anomaly mask" maps, display-bounded like the other maps; "anomaly region
 * spectra" and "anomaly region residuals", (region, E) counts per channel) and the report section
 * "Rare phases (anomaly pass)": deviance map, region table, residual spectrum per region.
 */
final class AnomalyResults {
    /** Rows of the report's region table; regions.csv has all. */
    static final int TABLE_ROWS = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnomalyResults() {
    }

    static void write(RunDirectory run, SpectrumImage h, BinnedMaps map, DevianceThreshold threshold, long flagged,
            List<AnomalyRegion> regions, int plotted) throws IOException {
        int mh = map.mapHeight();
        int mw = map.mapWidth();
        double px = h.pixelSize() * map.bin();
        double[] deviance = map.maxMap(0);
        int[] mask = new int[deviance.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = BlockDeviance.flags(threshold, deviance[i]) ? 1 : 0;
        }
        run.results()
                .addSignal(HspySignal.image(HspyMetadata.titled("anomaly deviance").withQuantity("Poisson deviance D"),
                        mh, mw, px, h.pixelUnits(), deviance))
                .addSignal(HspySignal.image(HspyMetadata.titled("anomaly mask").withQuantity("flagged (1) or not (0)"),
                        mh, mw, px, h.pixelUnits(), mask));
        if (!regions.isEmpty()) {
            int e = h.channels();
            double[] spectra = new double[regions.size() * e];
            double[] residuals = new double[regions.size() * e];
            for (int r = 0; r < regions.size(); r++) {
                System.arraycopy(regions.get(r).meanSpectrum(), 0, spectra, r * e, e);
                System.arraycopy(regions.get(r).meanResidual(), 0, residuals, r * e, e);
            }
            run.results()
                    .addSignal(HspySignal.spectra(metadata("anomaly region spectra", h), "region", h.energy(),
                            regions.size(), spectra))
                    .addSignal(HspySignal.spectra(metadata("anomaly region residuals", h), "region", h.energy(),
                            regions.size(), residuals));
        }
        run.manifest().section("anomaly", section(h, threshold, flagged, regions, plotted, map.bin()));
    }

    private static HspyMetadata metadata(String title, SpectrumImage h) {
        return new HspyMetadata(title, h.signalType(), "", h.beamEnergyKeV(), Double.NaN, h.elements())
                .withQuantity("Intensity (counts per pixel)");
    }

    private static ObjectNode section(SpectrumImage h, DevianceThreshold threshold, long flagged,
            List<AnomalyRegion> regions, int plotted, int bin) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("title", "Rare phases (anomaly pass)");
        ArrayNode text = s.putArray("text");
        text.add(String.format(Locale.ROOT, "%d of %d pixels flagged in %d connected regions (8-connectivity). %s.",
                flagged, h.spectra(), regions.size(), threshold.report()));
        if (regions.size() > TABLE_ROWS) {
            text.add("The table lists the " + TABLE_ROWS + " largest regions; regions.csv and regions.json have all.");
        }
        ObjectNode table = s.putObject("table");
        ArrayNode columns = table.putArray("columns");
        List.of("region", "rows y", "columns x", "pixels", "mean D", "largest residual at (keV)", "lines within 1 FWHM")
                .forEach(columns::add);
        ArrayNode rows = table.putArray("rows");
        for (AnomalyRegion r : regions.subList(0, Math.min(TABLE_ROWS, regions.size()))) {
            ArrayNode row = rows.addArray();
            row.add(r.id()).add(r.y0() + "–" + r.y1()).add(r.x0() + "–" + r.x1()).add(r.pixels())
                    .add(String.format(Locale.ROOT, "%.4g", r.meanDeviance()))
                    .add(r.peaks().stream().map(a -> String.format(Locale.ROOT, "%.3f", a.peak().energyKeV()))
                            .collect(Collectors.joining(", ")))
                    .add(r.peaks().stream().map(AnomalyResults::line).collect(Collectors.joining(", ")));
        }
        ArrayNode figures = s.putArray("figures");
        figures.addObject().put("file", "anomaly_map.png").put("caption", "Poisson deviance per pixel, log scale"
                + (bin == 1 ? "" : " (largest of " + bin + "×" + bin + " pixels per cell)"));
        for (AnomalyRegion r : regions.subList(0, Math.min(plotted, regions.size()))) {
            figures.addObject().put("file", "region_" + r.id() + ".png").put("caption", "region " + r.id()
                    + ": mean residual x − x̂ and mean spectrum, best lines marked");
        }
        return s;
    }

    private static String line(LineAssignment.Assigned a) {
        return a.best() == null ? "–" : a.best().element() + " " + a.best().line();
    }
}
