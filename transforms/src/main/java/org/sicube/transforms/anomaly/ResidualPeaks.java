package org.sicube.transforms.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sicube.transforms.physics.DetectorResolution;

/**
 * The energies where a residual spectrum (counts per channel, channel i at offsetEv + i·scaleEv)
 * holds most of what the reconstruction missed. The residual is summed over a window of one
 * detector FWHM centred on each channel (the integral a line of that width would have), the local
 * maxima of that sum with positive counts are taken largest first, and any maximum within one
 * FWHM of a larger one is dropped (it is the same line), as is any maximum below
 * {@link #MIN_FRACTION} of the largest (a wing or a ripple, not a line). A peak's energy is the
 * centroid of the positive residual in its window.
 */
public final class ResidualPeaks {

    /**
     * One residual peak.
     *
     * @param energyKeV centroid energy, keV
     * @param channel   channel of the window-sum maximum
     * @param counts    residual counts in the one-FWHM window
     * @param fwhmEv    detector FWHM at the peak, eV
     */
    public record Peak(double energyKeV, int channel, double counts, double fwhmEv) {
    }

    public static final double MIN_FRACTION = 0.05;

    private ResidualPeaks() {
    }

    public static List<Peak> find(double[] residual, double offsetEv, double scaleEv, DetectorResolution detector,
            int maxPeaks) {
        int n = residual.length;
        double[] window = new double[n];
        int[] half = new int[n];
        for (int i = 0; i < n; i++) {
            double e = offsetEv + i * scaleEv;
            half[i] = Math.max(1, (int) Math.round(detector.fwhmEv(Math.max(e, 0)) / (2 * scaleEv)));
            for (int j = Math.max(0, i - half[i]); j <= Math.min(n - 1, i + half[i]); j++) {
                window[i] += residual[j];
            }
        }
        List<Integer> maxima = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double left = i > 0 ? window[i - 1] : Double.NEGATIVE_INFINITY;
            double right = i < n - 1 ? window[i + 1] : Double.NEGATIVE_INFINITY;
            if (offsetEv + i * scaleEv > 0 && window[i] > 0 && window[i] >= left && window[i] > right) {
                maxima.add(i);
            }
        }
        maxima.sort(Comparator.comparingDouble((Integer i) -> -window[i]));
        List<Peak> peaks = new ArrayList<>();
        for (int i : maxima) {
            if (peaks.size() == maxPeaks || window[i] < MIN_FRACTION * window[maxima.get(0)]) {
                break;
            }
            double e = offsetEv + i * scaleEv;
            double fwhm = detector.fwhmEv(e);
            boolean separate = true;
            for (Peak p : peaks) {
                separate &= Math.abs(p.energyKeV() * 1000 - e) > Math.max(fwhm, p.fwhmEv());
            }
            if (separate) {
                peaks.add(new Peak(centroidEv(residual, i, half[i], offsetEv, scaleEv) / 1000, i, window[i],
                        fwhm));
            }
        }
        return peaks;
    }

    private static double centroidEv(double[] r, int centre, int half, double offsetEv, double scaleEv) {
        double w = 0;
        double we = 0;
        for (int j = Math.max(0, centre - half); j <= Math.min(r.length - 1, centre + half); j++) {
            if (r[j] > 0) {
                w += r[j];
                we += r[j] * (offsetEv + j * scaleEv);
            }
        }
        return w > 0 ? we / w : offsetEv + centre * scaleEv;
    }
}
