package org.sicube.transforms.background;

import org.sicube.transforms.physics.EnergyGrid;

/**
 * Linear combination of two power laws (LCPL, Cueva et al. 2012, Ultramicroscopy 117, 40):
 * background density {@code A_lo·E^-r_lo + A_hi·E^-r_hi} (counts per eV, E in eV) with both
 * exponents fixed (e.g. from {@link ExponentSpread#percentiles}) and the amplitudes found by
 * two-variable non-negative least squares over the window channels, weighted by the Poisson
 * variance {@code 1/max(y, 1)}. Captures background curvature a single power law misses. The basis
 * (channel integrals of E^-r) is computed once, so a fit costs one pass over the window and the
 * subtraction one pass above it. Spectra are {@code double[grid.channels()]}; one instance per
 * thread; per-spectrum calls allocate nothing.
 */
public final class Lcpl {

    private final EnergyGrid grid;
    private final PowerLawWindow window;
    private final double[] basisLow;
    private final double[] basisHigh;
    private double amplitudeLow = Double.NaN;
    private double amplitudeHigh = Double.NaN;
    private double reducedChiSquare = Double.NaN;

    public Lcpl(EnergyGrid grid, PowerLawWindow window, double exponentLow, double exponentHigh) {
        if (!(exponentLow < exponentHigh) || !Double.isFinite(exponentLow) || !Double.isFinite(exponentHigh)) {
            throw new IllegalArgumentException("LCPL needs two finite exponents r_lo < r_hi, got " + exponentLow
                    + ", " + exponentHigh);
        }
        if (window.endChannel() > grid.channels()) {
            throw new IllegalArgumentException("window " + window + " extends past the grid " + grid);
        }
        this.grid = grid;
        this.window = window;
        int n = grid.channels() - window.firstChannel();
        double[] lnEdge = ChannelIntegrals.lnEdges(grid, window.firstChannel());
        basisLow = new double[n];
        basisHigh = new double[n];
        ChannelIntegrals.fill(lnEdge, 1.0, exponentLow, basisLow, n);
        ChannelIntegrals.fill(lnEdge, 1.0, exponentHigh, basisHigh, n);
    }

    /** Amplitude of E^-r_lo from the last fit (counts · eV^(r_lo − 1)); NaN after an invalid fit. */
    public double amplitudeLow() {
        return amplitudeLow;
    }

    /** Amplitude of E^-r_hi from the last fit; NaN after an invalid fit. */
    public double amplitudeHigh() {
        return amplitudeHigh;
    }

    /** Σ (y − b)² / max(b, 1) over the window channels of the last fit, per degree of freedom (n − 2); NaN when invalid. */
    public double reducedChiSquare() {
        return reducedChiSquare;
    }

    /**
     * Fits both amplitudes and subtracts the background from the window start on. Returns false
     * (amplitudes NaN, spectrum unchanged) when the window holds no positive counts.
     */
    public boolean fitAndSubtract(double[] spectrum) {
        if (!fit(spectrum)) {
            return false;
        }
        int first = window.firstChannel();
        for (int j = 0; j < basisLow.length; j++) {
            spectrum[first + j] -= amplitudeLow * basisLow[j] + amplitudeHigh * basisHigh[j];
        }
        return true;
    }

    /** Fits both amplitudes (non-negative) in the window; returns false when the window is empty. */
    public boolean fit(double[] spectrum) {
        if (spectrum.length != grid.channels()) {
            throw new IllegalArgumentException("spectrum has " + spectrum.length + " channels, grid has "
                    + grid.channels());
        }
        int first = window.firstChannel();
        double s11 = 0, s12 = 0, s22 = 0, t1 = 0, t2 = 0, total = 0;
        for (int j = 0; j < window.channelCount(); j++) {
            double y = spectrum[first + j];
            double w = 1.0 / Math.max(y, 1.0);
            double b1 = basisLow[j];
            double b2 = basisHigh[j];
            s11 += w * b1 * b1;
            s12 += w * b1 * b2;
            s22 += w * b2 * b2;
            t1 += w * b1 * y;
            t2 += w * b2 * y;
            total += y;
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            amplitudeLow = Double.NaN;
            amplitudeHigh = Double.NaN;
            reducedChiSquare = Double.NaN;
            return false;
        }
        solveNonNegative(s11, s12, s22, t1, t2);
        double chi2 = 0;
        for (int j = 0; j < window.channelCount(); j++) {
            double b = amplitudeLow * basisLow[j] + amplitudeHigh * basisHigh[j];
            double d = spectrum[first + j] - b;
            chi2 += d * d / Math.max(b, 1.0);
        }
        reducedChiSquare = window.channelCount() > 2 ? chi2 / (window.channelCount() - 2) : Double.NaN;
        return true;
    }

    /** min ‖W^½(y − a·b1 − c·b2)‖² with a, c ≥ 0 from the normal equations (active-set by cases). */
    private void solveNonNegative(double s11, double s12, double s22, double t1, double t2) {
        double det = s11 * s22 - s12 * s12;
        if (det > 0) {
            double a = (s22 * t1 - s12 * t2) / det;
            double c = (s11 * t2 - s12 * t1) / det;
            if (a >= 0 && c >= 0) {
                amplitudeLow = a;
                amplitudeHigh = c;
                return;
            }
        }
        double a = Math.max(t1 / s11, 0.0);
        double c = Math.max(t2 / s22, 0.0);
        // Objective up to a constant: −2·a·t + a²·s for each single-basis candidate.
        if (-2 * a * t1 + a * a * s11 <= -2 * c * t2 + c * c * s22) {
            amplitudeLow = a;
            amplitudeHigh = 0.0;
        } else {
            amplitudeLow = 0.0;
            amplitudeHigh = c;
        }
    }
}
