package org.sicube.transforms.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.XrayLineTable;

class LineAssignmentTest {

    @Test
    void goldPeaksAreNamedGoldNotZirconiumOrPlatinum() {
        // A residual of 20 eV channels with Gaussian Au Mα, Au Lα and Ag Lα lines at the detector's
        // width: Zr Lβ1 (2.124 keV) and Pt Mα (2.051) lie within one FWHM of Au Mα, but only Au
        // explains two peaks.
        DetectorResolution det = DetectorResolution.standard();
        double[] r = new double[1024];
        addLine(r, 2122.9, 25, det);
        addLine(r, 9713.0, 35, det);
        addLine(r, 2984.4, 10, det);
        List<ResidualPeaks.Peak> peaks = ResidualPeaks.find(r, 0, 20, det, 5);
        assertEquals(3, peaks.size(), peaks.toString());
        assertEquals(9.713, peaks.get(0).energyKeV(), 0.01);
        assertEquals(2.123, peaks.get(1).energyKeV(), 0.01);
        List<LineAssignment.Assigned> named = LineAssignment.assign(peaks, XrayLineTable.get());
        assertEquals("Au_La", named.get(0).best().label());
        assertEquals("Au_Ma", named.get(1).best().label());
        assertEquals("Ag_La", named.get(2).best().label());
    }

    private static void addLine(double[] r, double ev, double counts, DetectorResolution det) {
        double s = det.sigmaEv(ev);
        for (int i = 0; i < r.length; i++) {
            double z = (i * 20 - ev) / s;
            r[i] += counts * 20 / (s * Math.sqrt(2 * Math.PI)) * Math.exp(-0.5 * z * z);
        }
    }
}
