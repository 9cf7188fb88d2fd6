package org.sicube.jobs.anomaly;

import java.util.List;
import org.sicube.transforms.anomaly.LineAssignment;
import org.sicube.transforms.physics.XrayLine;

/**
 * One connected region of flagged pixels: bounding box (inclusive pixel rows y0..y1, columns
 * x0..x1), pixel count, largest and mean deviance, mean raw spectrum and mean residual x − x̂
 * (counts per channel, E values), and the largest residual peaks with their X-ray lines.
 */
record AnomalyRegion(int id, int y0, int x0, int y1, int x1, int pixels, double maxDeviance, double meanDeviance,
        double[] meanSpectrum, double[] meanResidual, List<LineAssignment.Assigned> peaks) {

    /** The best line of the strongest residual peak that has one, or null. */
    XrayLine identified() {
        for (LineAssignment.Assigned a : peaks) {
            if (a.best() != null) {
                return a.best();
            }
        }
        return null;
    }
}
