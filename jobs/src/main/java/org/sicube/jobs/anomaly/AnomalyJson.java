package org.sicube.jobs.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.anomaly.LineAssignment;
import org.sicube.transforms.anomaly.PoissonDeviance;
import org.sicube.transforms.physics.XrayLine;

/**
 * {@code regions.json}: the threshold (rule, α, numbers), the flagged-pixel count, and every
 * region with its bounding box, size, deviance and residual peaks (energy in keV, residual counts
 * in a one-FWHM window, the lines within one FWHM nearest first, and the best one). Spectra are in
 * {@code region_residuals.csv}.
 */
final class AnomalyJson {
    static final String FILE = "regions.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnomalyJson() {
    }

    static void write(RunDirectory run, DevianceThreshold t, long flagged, int collected, List<AnomalyRegion> regions)
            throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode th = root.putObject("threshold");
        th.put("statistic", "Poisson deviance D = 2 Σ [x ln(x/x̂) − (x − x̂)], x̂ clamped at "
                + PoissonDeviance.FLOOR + " counts");
        th.put("falseAlarmRate", t.alpha());
        th.put("deviance", t.deviance());
        th.put("medianDeviance", t.median());
        th.put("robustSigmaCubeRoot", t.sigma());
        th.put("z", t.z());
        th.put("pixels", t.pixels());
        th.put("report", t.report());
        root.put("flaggedPixels", flagged);
        root.put("flaggedPixelsInRegions", collected);
        ArrayNode list = root.putArray("regions");
        for (AnomalyRegion r : regions) {
            ObjectNode o = list.addObject();
            o.put("region", r.id());
            o.putArray("box").add(r.y0()).add(r.x0()).add(r.y1()).add(r.x1());
            o.put("pixels", r.pixels());
            o.put("maxDeviance", r.maxDeviance());
            o.put("meanDeviance", r.meanDeviance());
            XrayLine id = r.identified();
            o.put("identified", id == null ? null : id.element() + " " + id.line());
            ArrayNode peaks = o.putArray("peaks");
            for (LineAssignment.Assigned a : r.peaks()) {
                ObjectNode p = peaks.addObject();
                p.put("energyKeV", a.peak().energyKeV());
                p.put("residualCounts", a.peak().counts());
                p.put("fwhmEv", a.peak().fwhmEv());
                p.put("line", a.best() == null ? null : a.best().element() + " " + a.best().line());
                p.put("lineKeV", a.best() == null ? null : a.best().energyKeV());
                ArrayNode c = p.putArray("candidates");
                a.candidates().forEach(l -> c.add(l.element() + " " + l.line()));
            }
        }
        try (OutputStream o = run.create(FILE)) {
            o.write(MAPPER.writeValueAsBytes(root));
        }
    }
}
