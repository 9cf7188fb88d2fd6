package org.sicube.jobs.anomaly;

import org.sicube.transforms.anomaly.ComponentSupport;

/**
 * The choices of an anomaly pass: the per-pixel false-alarm rate α, the store whose deviance
 * distribution sets the threshold (null: the analysed store itself, from its central bulk), the
 * most flagged pixels whose spectra reach the driver, the detector FWHM at Mn Kα in eV used to
 * name residual peaks, and the fraction of the pixels below which a PCA component counts as a
 * rare phase and is left out of the reconstruction (0: keep all).
 */
public record AnomalySettings(double falseAlarm, String nominalStore, int maxFlagged, double fwhmMnKaEv,
        double rareFraction) {
    public static final double DEFAULT_FALSE_ALARM = 1e-4;
    public static final int DEFAULT_MAX_FLAGGED = 10_000;

    public AnomalySettings {
        if (!(falseAlarm > 0 && falseAlarm < 0.5)) {
            throw new IllegalArgumentException("--false-alarm must be in (0, 0.5), got " + falseAlarm);
        }
        if (maxFlagged < 1) {
            throw new IllegalArgumentException("--max-flagged must be at least 1, got " + maxFlagged);
        }
        if (!(fwhmMnKaEv > 0)) {
            throw new IllegalArgumentException("--fwhm must be a positive number of eV, got " + fwhmMnKaEv);
        }
        if (!(rareFraction >= 0 && rareFraction < 1)) {
            throw new IllegalArgumentException("--rare-fraction must be in [0, 1), got " + rareFraction);
        }
    }

    public static AnomalySettings defaults() {
        return new AnomalySettings(DEFAULT_FALSE_ALARM, null, DEFAULT_MAX_FLAGGED, 130,
                ComponentSupport.DEFAULT_RARE_FRACTION);
    }
}
