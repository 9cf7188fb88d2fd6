package org.sicube.jobs.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.transforms.anomaly.ConnectedRegions;
import org.sicube.transforms.anomaly.LineAssignment;
import org.sicube.transforms.anomaly.ResidualPeaks;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.XrayLineTable;

/**
 * Groups the flagged pixels on the driver into 8-connected regions ({@link ConnectedRegions}) and
 * describes each: bounding box, size, mean spectrum, mean residual, its {@link #PEAKS} largest
 * residual peaks and, for EDS, the X-ray lines within one detector FWHM of each. Regions are
 * numbered from 1, largest first (ties: larger maximum deviance first).
 */
final class AnomalyRegions {
    static final int PEAKS = 5;

    private AnomalyRegions() {
    }

    static List<AnomalyRegion> build(List<FlaggedPixel> flagged, EnergyAxis axis, boolean eds,
            DetectorResolution detector) {
        int n = flagged.size();
        int[] ys = new int[n];
        int[] xs = new int[n];
        for (int i = 0; i < n; i++) {
            ys[i] = flagged.get(i).y();
            xs[i] = flagged.get(i).x();
        }
        int[] region = ConnectedRegions.label(ys, xs);
        int regions = 0;
        for (int r : region) {
            regions = Math.max(regions, r + 1);
        }
        List<List<FlaggedPixel>> members = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            members.get(region[i]).add(flagged.get(i));
        }
        members.sort(Comparator.comparingInt((List<FlaggedPixel> m) -> -m.size())
                .thenComparingDouble(m -> -m.stream().mapToDouble(FlaggedPixel::deviance).max().orElse(0)));
        List<AnomalyRegion> out = new ArrayList<>();
        for (List<FlaggedPixel> m : members) {
            out.add(describe(out.size() + 1, m, axis, eds, detector));
        }
        return out;
    }

    private static AnomalyRegion describe(int id, List<FlaggedPixel> m, EnergyAxis axis, boolean eds,
            DetectorResolution detector) {
        int channels = axis.size();
        double[] spectrum = new double[channels];
        double[] residual = new double[channels];
        int y0 = Integer.MAX_VALUE;
        int x0 = Integer.MAX_VALUE;
        int y1 = Integer.MIN_VALUE;
        int x1 = Integer.MIN_VALUE;
        double max = 0;
        double sum = 0;
        for (FlaggedPixel p : m) {
            y0 = Math.min(y0, p.y());
            x0 = Math.min(x0, p.x());
            y1 = Math.max(y1, p.y());
            x1 = Math.max(x1, p.x());
            max = Math.max(max, p.deviance());
            sum += p.deviance();
            for (int e = 0; e < channels; e++) {
                spectrum[e] += p.counts()[e];
                residual[e] += p.residual()[e];
            }
        }
        for (int e = 0; e < channels; e++) {
            spectrum[e] /= m.size();
            residual[e] /= m.size();
        }
        List<ResidualPeaks.Peak> peaks = ResidualPeaks.find(residual, axis.offsetEv(), axis.scaleEv(), detector, PEAKS);
        List<LineAssignment.Assigned> assigned = eds ? LineAssignment.assign(peaks, XrayLineTable.get())
                : peaks.stream().map(p -> new LineAssignment.Assigned(p, List.of(), null)).toList();
        return new AnomalyRegion(id, y0, x0, y1, x1, m.size(), max, sum / m.size(), spectrum, residual, assigned);
    }
}
