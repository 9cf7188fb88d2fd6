package org.sicube.transforms.background;

/**
 * The result of one power-law fit, reused across spectra so that fitting allocates nothing:
 * background density {@code amplitude · E^-exponent} in counts per eV (E in eV), the reduced χ² of
 * the fitted channel counts in the window (Poisson variance = model counts) and whether the fit is
 * valid. An invalid fit (a non-positive window area, a non-finite result) holds NaN parameters and
 * the spectrum is left unchanged by subtraction.
 */
public final class PowerLawFit {

    private double amplitude = Double.NaN;
    private double exponent = Double.NaN;
    private double reducedChiSquare = Double.NaN;

    /** Amplitude A in counts · eV^(r-1), so that A·E^-r is counts per eV. NaN when invalid. */
    public double amplitude() {
        return amplitude;
    }

    /** Exponent r (dimensionless). NaN when invalid. */
    public double exponent() {
        return exponent;
    }

    /** Σ (y − b)² / max(b, 1) over the window channels, divided by (channels − 2); NaN when invalid. */
    public double reducedChiSquare() {
        return reducedChiSquare;
    }

    /** False when the window could not be fitted (flagged; parameters are NaN). */
    public boolean valid() {
        return Double.isFinite(amplitude) && Double.isFinite(exponent);
    }

    void set(double amplitude, double exponent) {
        boolean ok = Double.isFinite(amplitude) && Double.isFinite(exponent);
        this.amplitude = ok ? amplitude : Double.NaN;
        this.exponent = ok ? exponent : Double.NaN;
        this.reducedChiSquare = Double.NaN;
    }

    void setReducedChiSquare(double value) {
        this.reducedChiSquare = value;
    }

    void invalidate() {
        set(Double.NaN, Double.NaN);
    }

    @Override
    public String toString() {
        return "PowerLawFit[A=" + amplitude + ", r=" + exponent + ", chi2/dof=" + reducedChiSquare + "]";
    }
}
