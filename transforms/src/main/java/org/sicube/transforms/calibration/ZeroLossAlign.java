package org.sicube.transforms.calibration;

import org.sicube.transforms.physics.EnergyGrid;

/**
 * Zero-loss peak centre of an EELS spectrum: a Gaussian fitted to the top of the peak as a
 * parabola through the logs of the channels around the maximum that hold at least
 * {@code topFraction} of it (at most {@code maxHalfWidth} channels each side), weighted by the
 * counts (the inverse Poisson variance of ln y). For a Gaussian peak the log is exactly a parabola,
 * so the centre is exact for noiseless data. Allocates nothing per call.
 */
public final class ZeroLossAlign {

    private final double topFraction;
    private final int maxHalfWidth;

    public ZeroLossAlign(double topFraction, int maxHalfWidth) {
        if (!(topFraction > 0 && topFraction < 1) || maxHalfWidth < 1) {
            throw new IllegalArgumentException("top fraction in (0, 1) and half width ≥ 1 required, got "
                    + topFraction + ", " + maxHalfWidth);
        }
        this.topFraction = topFraction;
        this.maxHalfWidth = maxHalfWidth;
    }

    /** Fractional channel of the zero-loss centre; NaN when the top holds fewer than 3 usable channels. */
    public double centreChannel(double[] spectrum) {
        int peak = 0;
        for (int i = 1; i < spectrum.length; i++) {
            if (spectrum[i] > spectrum[peak]) {
                peak = i;
            }
        }
        double max = spectrum[peak];
        if (!(max > 0)) {
            return Double.NaN;
        }
        double floor = topFraction * max;
        int lo = peak;
        while (lo > 0 && peak - lo < maxHalfWidth && spectrum[lo - 1] >= floor) {
            lo--;
        }
        int hi = peak;
        while (hi < spectrum.length - 1 && hi - peak < maxHalfWidth && spectrum[hi + 1] >= floor) {
            hi++;
        }
        if (hi - lo < 2) {
            return Double.NaN;
        }
        // Weighted least squares ln y = c0 + c1·t + c2·t², t = i − peak.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, v0 = 0, v1 = 0, v2 = 0;
        for (int i = lo; i <= hi; i++) {
            double w = spectrum[i];
            double t = i - peak;
            double v = Math.log(w);
            double t2 = t * t;
            s0 += w;
            s1 += w * t;
            s2 += w * t2;
            s3 += w * t2 * t;
            s4 += w * t2 * t2;
            v0 += w * v;
            v1 += w * v * t;
            v2 += w * v * t2;
        }
        double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        double c1 = (s0 * (v1 * s4 - s3 * v2) - v0 * (s1 * s4 - s3 * s2) + s2 * (s1 * v2 - v1 * s2)) / det;
        double c2 = (s0 * (s2 * v2 - v1 * s3) - s1 * (s1 * v2 - v1 * s2) + v0 * (s1 * s3 - s2 * s2)) / det;
        if (!(c2 < 0)) {
            return Double.NaN;
        }
        double offset = -c1 / (2 * c2);
        return Math.abs(offset) <= hi - lo ? peak + offset : Double.NaN;
    }

    /** Zero-loss centre in eV on {@code grid}; NaN as for {@link #centreChannel}. */
    public double centreEv(double[] spectrum, EnergyGrid grid) {
        return grid.energyEv(centreChannel(spectrum));
    }

    /**
     * The shift in channels that moves the zero-loss centre onto {@code targetEv} (for
     * {@link ShiftApply#apply}); NaN when the centre is not found.
     */
    public double shiftToEnergy(double[] spectrum, EnergyGrid grid, double targetEv) {
        return (targetEv - centreEv(spectrum, grid)) / grid.scaleEv();
    }
}
