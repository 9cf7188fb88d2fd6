package org.sicube.transforms.calibration;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

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
 * aligns x. Everything that depends on the reference alone (the spline as cubics in the
 * sub-channel offset, their weighted products per lag and segment: {@link ShiftGram}) is computed
 * once per instance, so a spectrum costs one weighted correlation with the reference per integer
 * lag, one with the first cubic at the lag the steps start from and up to three per other lag
 * they visit; each step is then O(1) per segment, the segments in SIMD lanes.
 * One instance per reference and thread; allocates nothing per call.
 */
public final class ReferenceShiftFit {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    private static final int ITERATIONS = 8;
    private static final double CONVERGED = 1e-7;
    /** Channels: a shift less certain than this is not applied. */
    public static final double MAX_STANDARD_ERROR = 0.5;

    private final int channels;
    private final int from;
    private final int to;
    private final int maxShift;
    private final int segments;
    private final int[] starts;
    private final double[] weight;
    private final ShiftGram gram;
    private final LinearFit4 fit;
    private double standardError = Double.NaN;
    /** Per call: w·x over the window, and per segment Σw·x, Σw·τ·x, Σw·x² (rows padded to whole vectors). */
    private final double[] wx;
    private final double[] sumWx;
    private final double[] sumWtx;
    private final double[] sumWxx;
    /** Per call: Σ w·x·r per segment and lag index, as {@link Correlation#lags} writes it. */
    private final double[] lagSums;
    private final double[] score;
    /**
     * Per call: Σ w·x·poly[p] per lag and segment ({@code z[lag][p][k]}); p = 0, 1 only where
     * {@code fresh}, p = 2, 3 only where {@code curved} says so (zeros at a lag taken only whole).
     */
    private final double[][][] z;
    private final long[] fresh;
    private final long[] curved;
    private long call;

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
        if (segment < 8) {
            throw new IllegalArgumentException("segments need at least 8 channels, got " + segment);
        }
        channels = n;
        this.maxShift = maxShift;
        int m = this.to - this.from;
        segments = Math.max(1, m / segment);
        starts = new int[segments + 1];
        for (int k = 0; k <= segments; k++) {
            starts[k] = (int) ((long) k * m / segments);
        }
        weight = new double[m];
        double mean = 0;
        for (int i = this.from; i < this.to; i++) {
            mean += Math.abs(reference[i]) / m;
        }
        double floor = Math.max(1e-3 * mean, Double.MIN_NORMAL);
        for (int j = 0; j < m; j++) {
            weight[j] = 1.0 / Math.max(reference[this.from + j], floor);
        }
        gram = new ShiftGram(new SplineSpectrum(reference), this.from, weight, starts, maxShift);
        fit = gram.newFit();
        int padded = ShiftGram.paddedSegments(segments);
        wx = new double[m];
        sumWx = new double[padded];
        sumWtx = new double[padded];
        sumWxx = new double[padded];
        lagSums = new double[segments * gram.correlation.padded()];
        score = new double[gram.correlation.padded()];
        z = new double[2 * maxShift + 1][4][padded];
        fresh = new long[2 * maxShift + 1];
        curved = new long[2 * maxShift + 1];
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
        if (spectrum.length != channels) {
            throw new IllegalArgumentException("configured for " + channels + " channels, got " + spectrum.length);
        }
        call++;
        weigh(spectrum);
        double delta = coarse();
        standardError = Double.NaN;
        for (int it = 0; it < ITERATIONS; it++) {
            int lag = (int) Math.floor(delta);
            double f = delta - lag;
            gram.fit(lag, f, higherCorrelations(lag, f), fit);
            if (!fit.solve(sumWx, sumWtx, sumWxx)) {
                return Double.NaN;
            }
            double num = fit.weightedStep();
            double info = fit.information();
            double chi2 = fit.chi2();
            if (!(info > 0)) {
                return Double.NaN;
            }
            double step = Math.max(-1, Math.min(1, num / info));
            delta += step;
            standardError = Math.sqrt(chi2 / (wx.length - 4 * segments) / info);
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

    /** Fills w·x and its per-segment sums. */
    private void weigh(double[] x) {
        double[] tau = gram.tau;
        for (int k = 0; k < segments; k++) {
            DoubleVector vs = DoubleVector.zero(LANES);
            DoubleVector vst = vs;
            DoubleVector vsx = vs;
            int j = starts[k];
            int end = starts[k + 1];
            for (int bound = j + LANES.loopBound(end - j); j < bound; j += LANES.length()) {
                DoubleVector xj = DoubleVector.fromArray(LANES, x, from + j);
                DoubleVector v = DoubleVector.fromArray(LANES, weight, j).mul(xj);
                v.intoArray(wx, j);
                vs = vs.add(v);
                vst = v.fma(DoubleVector.fromArray(LANES, tau, j), vst);
                vsx = v.fma(xj, vsx);
            }
            double s = vs.reduceLanes(VectorOperators.ADD);
            double st = vst.reduceLanes(VectorOperators.ADD);
            double sx = vsx.reduceLanes(VectorOperators.ADD);
            for (; j < end; j++) {
                double xj = x[from + j];
                double v = weight[j] * xj;
                wx[j] = v;
                s += v;
                st += v * tau[j];
                sx += v * xj;
            }
            sumWx[k] = s;
            sumWtx[k] = st;
            sumWxx[k] = sx;
        }
    }

    /** The integer lag of least weighted χ² summed over the segments (fits without the slope term). */
    private double coarse() {
        int lags = gram.correlation.padded();
        for (int k = 0; k < segments; k++) {
            gram.correlation.lags(wx, starts[k], starts[k + 1], lagSums, k * lags);
        }
        return gram.coarseLag(lagSums, sumWx, sumWtx, score);
    }

    /**
     * The correlations of w·x with the four cubics at {@code lag} (p = 0 from the integer search).
     * At f = 0, where every step starts, the fit sees cubics 2 and 3 only times f: they are summed
     * only when a step at f ≠ 0 needs them, and are zeros until then (so that the products with
     * f = 0 are exactly 0 as with any finite sums).
     */
    private double[][] higherCorrelations(int lag, double f) {
        int t = lag + maxShift;
        int shift = 2 * maxShift - t;
        double[][] zt = z[t];
        if (fresh[t] != call) {
            int lags = gram.correlation.padded();
            for (int k = 0; k < segments; k++) {
                zt[0][k] = lagSums[k * lags + t];
                gram.correlation.slope(wx, starts[k], starts[k + 1], shift, zt, k);
            }
            java.util.Arrays.fill(zt[2], 0.0);
            java.util.Arrays.fill(zt[3], 0.0);
            fresh[t] = call;
        }
        if (f != 0 && curved[t] != call) {
            for (int k = 0; k < segments; k++) {
                gram.correlation.curvature(wx, starts[k], starts[k + 1], shift, zt, k);
            }
            curved[t] = call;
        }
        return zt;
    }
}
