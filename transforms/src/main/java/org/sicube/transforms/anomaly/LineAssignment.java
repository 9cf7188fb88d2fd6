package org.sicube.transforms.anomaly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sicube.transforms.physics.XrayLine;
import org.sicube.transforms.physics.XrayLineTable;

/**
 * Names the residual peaks of one region with X-ray lines. The candidates of a peak are the lines
 * of the table within one detector FWHM of its energy. Several elements often have a line within a
 * FWHM (Au Mα 2.123, Zr Lβ1 2.124, Pt Mα 2.051 keV), so elements are ranked by how many of the
 * region's peaks their lines explain, then by the residual counts of those peaks; a peak's best
 * line is the candidate of the best-ranked element (the nearest one if that element has several).
 */
public final class LineAssignment {

    /** A peak, the lines within one FWHM of it (nearest first) and the best one (null if none). */
    public record Assigned(ResidualPeaks.Peak peak, List<XrayLine> candidates, XrayLine best) {
    }

    private LineAssignment() {
    }

    public static List<Assigned> assign(List<ResidualPeaks.Peak> peaks, XrayLineTable table) {
        List<List<XrayLine>> candidates = new ArrayList<>();
        Map<String, Integer> explained = new HashMap<>();
        Map<String, Double> strength = new HashMap<>();
        for (ResidualPeaks.Peak p : peaks) {
            List<XrayLine> near = table.near(p.energyKeV(), p.fwhmEv() / 1000);
            candidates.add(near);
            Set<String> elements = new LinkedHashSet<>();
            near.forEach(l -> elements.add(l.element()));
            for (String el : elements) {
                explained.merge(el, 1, Integer::sum);
                strength.merge(el, p.counts(), Double::sum);
            }
        }
        List<Assigned> out = new ArrayList<>();
        for (int i = 0; i < peaks.size(); i++) {
            XrayLine best = null;
            for (XrayLine l : candidates.get(i)) {
                if (best == null || better(l.element(), best.element(), explained, strength)) {
                    best = l;
                }
            }
            out.add(new Assigned(peaks.get(i), List.copyOf(candidates.get(i)), best));
        }
        return out;
    }

    private static boolean better(String a, String b, Map<String, Integer> explained, Map<String, Double> strength) {
        int ea = explained.get(a);
        int eb = explained.get(b);
        if (ea != eb) {
            return ea > eb;
        }
        return strength.get(a) > strength.get(b);
    }
}
