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
    /** Channels: a shift less certain than this is not applied. */
    public static final double MAX_STANDARD_ERROR = 0.5;

    private final SplineSpectrum reference;
    private final int from;
    private final int to;
    private final int maxShift;
    private final int segments;
    private double standardError = Double.NaN;
    private final double[] weight;
    private final double[] u;
    private final double[] g;
    private final LinearFit4 fit = new LinearFit4();

    /**
     * @param reference the reference spectrum (e.g. the sum of all pixels), one value per channel
     * @param from      first channel of the fit window (inclusive)
     * @param to        end of the fit window (exclusive)
     * @param maxShift  largest |δ| in channels; the window is narrowed so that r(i − δ) stays inside the spectrum
     * @param segment   channels per segment with its own scale and linear background (the window is
     *                  split into equal segments of about this length; the window length for one)
     */
    public ReferenceShiftFit(double[] reference, int from, int to, int maxShift, int segment) {
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
        int m = this.to - this.from;
        if (segment < 8) {
            throw new IllegalArgumentException("segments need at least 8 channels, got " + segment);
        }
        this.segments = Math.max(1, m / segment);
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
     * The shift of {@code spectrum} relative to the reference in channels; NaN when the window
     * does not determine it (no segment holds the reference's features, standard error above
     * {@value #MAX_STANDARD_ERROR} channel) or the fit leaves [−maxShift, maxShift].
     */
    public double estimate(double[] spectrum) {
        if (spectrum.length != reference.channels()) {
            throw new IllegalArgumentException("configured for " + reference.channels() + " channels, got "
                    + spectrum.length);
        }
        double delta = coarse(spectrum);
        standardError = Double.NaN;
        for (int it = 0; it < ITERATIONS; it++) {
            sample(delta, true);
            double num = 0;
            double info = 0;
            double chi2 = 0;
            for (int k = 0; k < segments; k++) {
                int j0 = segmentStart(k);
                if (!fit.solve(spectrum, from, u, g, weight, j0, segmentStart(k + 1) - j0)) {
                    return Double.NaN;
                }
                // Segment k alone would step −d/c with information c²·I_d: combine by that weight.
                num -= fit.c() * fit.d() * fit.information();
                info += fit.c() * fit.c() * fit.information();
                chi2 += fit.chi2();
            }
            if (!(info > 0)) {
                return Double.NaN;
            }
            double step = Math.max(-1, Math.min(1, num / info));
            delta += step;
            standardError = Math.sqrt(chi2 / (u.length - 4 * segments) / info);
            if (Math.abs(delta) > maxShift) {
                return Double.NaN;
            }
            if (Math.abs(step) < CONVERGED) {
                break;
            }
        }
        return standardError <= MAX_STANDARD_ERROR ? delta : Double.NaN;
    }

    /** Standard error in channels of the last estimate from the fit residuals (NaN if none). */
    public double standardError() {
        return standardError;
    }

    /** The integer lag of least weighted χ² summed over the segments (fits without the slope term). */
    private double coarse(double[] spectrum) {
        double best = 0;
        double bestChi2 = Double.POSITIVE_INFINITY;
        for (int t = -maxShift; t <= maxShift; t++) {
            sample(t, false);
            double chi2 = 0;
            for (int k = 0; k < segments; k++) {
                int j0 = segmentStart(k);
                chi2 += fit.solve(spectrum, from, u, null, weight, j0, segmentStart(k + 1) - j0)
                        ? fit.chi2() : Double.POSITIVE_INFINITY;
            }
            if (chi2 < bestChi2) {
                bestChi2 = chi2;
                best = t;
            }
        }
        return best;
    }

    /** First window index of segment k (k = segments gives the window length). */
    private int segmentStart(int k) {
        return (int) ((long) k * u.length / segments);
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
