package org.sicube.transforms.calibration;

/**
 * Sub-channel shift of a spectrum against a reference by a matched-filter least-squares fit: over
 * the channels i of a window, {@code x_i ≈ c · r(i − δ) + a + b · (i − i0)}, r the reference as a
 * cubic spline ({@link SplineSpectrum}). The local linear background a + b·t absorbs the per-pixel
 * differences in background level and slope that pull a plain cross-correlation towards zero
 * shift on a steep EELS power law. Weights 1/r (Poisson variance ∝ the expected counts; floored at
 * 1e-3 of the window mean). δ starts at the integer lag in [−maxShift, maxShift] of least weighted
 * χ² and is refined by Gauss–Newton: linearising {@code r(i − δ) ≈ r(i − δ0) − (δ − δ0) r′(i − δ0)}
 * makes each step one linear fit of (c, d, a, b) with {@code δ = δ0 − d / c}. The result has the
 * convention of {@link SubChannelShift}: {@code x(i) ≈ r(i − δ)}, so {@code ShiftApply.apply(x, −δ)}
 * aligns x. One instance per reference and thread; allocates nothing per call.
 */
public final class ReferenceShiftFit {

    private static final int ITERATIONS = 8;
    private static final double CONVERGED = 1e-7;

    private final SplineSpectrum reference;
    private final int from;
    private final int to;
    private final int maxShift;
    private final double centre;
    private final double halfWidth;
    private final double[] weight;
    private final double[] u;
    private final double[] g;
    private final LinearFit4 fit = new LinearFit4();

    /**
     * @param reference the reference spectrum (e.g. the sum of all pixels), one value per channel
     * @param from      first channel of the fit window (inclusive)
     * @param to        end of the fit window (exclusive)
     * @param maxShift  largest |δ| in channels; the window is narrowed so that r(i − δ) stays inside the spectrum
     */
    public ReferenceShiftFit(double[] reference, int from, int to, int maxShift) {
        int n = reference.length;
        if (maxShift < 1 || maxShift > n / 2) {
            throw new IllegalArgumentException("max shift must be in [1, channels/2], got " + maxShift + " for "
                    + n + " channels");
        }
        this.from = Math.max(from, maxShift);
        this.to = Math.min(to, n - maxShift);
        if (this.to - this.from < 8) {
            throw new IllegalArgumentException("fit window [" + from + ", " + to + ") leaves fewer than 8 channels"
                    + " inside ±" + maxShift + " channels of the ends of " + n + " channels");
        }
        this.reference = new SplineSpectrum(reference);
        this.maxShift = maxShift;
        this.centre = 0.5 * (this.from + this.to - 1);
        this.halfWidth = 0.5 * (this.to - this.from);
        int m = this.to - this.from;
        weight = new double[m];
        u = new double[m];
        g = new double[m];
        double mean = 0;
        for (int i = this.from; i < this.to; i++) {
            mean += Math.abs(reference[i]) / m;
        }
        double floor = Math.max(1e-3 * mean, Double.MIN_NORMAL);
        for (int j = 0; j < m; j++) {
            weight[j] = 1.0 / Math.max(reference[this.from + j], floor);
        }
    }

    /** The fit window actually used, {@code [from, to)} in channels. */
    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /**
     * The shift of {@code spectrum} relative to the reference in channels; NaN when no positive
     * scale c fits (the spectrum does not hold the reference's features in the window) or the fit
     * leaves [−maxShift, maxShift].
     */
    public double estimate(double[] spectrum) {
        if (spectrum.length != reference.channels()) {
            throw new IllegalArgumentException("configured for " + reference.channels() + " channels, got "
                    + spectrum.length);
        }
        double delta = coarse(spectrum);
        if (Double.isNaN(delta)) {
            return Double.NaN;
        }
        for (int it = 0; it < ITERATIONS; it++) {
            sample(delta, true);
            if (!fit.solve(spectrum, from, u, g, weight, centre, halfWidth) || !(fit.c() > 0)) {
                return Double.NaN;
            }
            double step = -fit.d() / fit.c();
            // Gauss–Newton is exact only within about a channel: never step further at once.
            step = Math.max(-1, Math.min(1, step));
            delta += step;
            if (Math.abs(delta) > maxShift) {
                return Double.NaN;
            }
            if (Math.abs(step) < CONVERGED) {
                break;
            }
        }
        return delta;
    }

    /** The integer lag of least weighted χ² of the fit without the slope term; NaN if none has c > 0. */
    private double coarse(double[] spectrum) {
        double best = Double.NaN;
        double bestChi2 = Double.POSITIVE_INFINITY;
        for (int t = -maxShift; t <= maxShift; t++) {
            sample(t, false);
            if (fit.solve(spectrum, from, u, null, weight, centre, halfWidth) && fit.c() > 0 && fit.chi2() < bestChi2) {
                bestChi2 = fit.chi2();
                best = t;
            }
        }
        return best;
    }

    private void sample(double delta, boolean withSlope) {
        for (int j = 0; j < u.length; j++) {
            double x = from + j - delta;
            u[j] = reference.value(x);
            if (withSlope) {
                g[j] = reference.slope(x);
            }
        }
    }
}
