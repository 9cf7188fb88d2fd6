package org.sicube.transforms.background;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * EELS pre-edge power-law background {@code A·E^-r} (E in eV, density in counts per eV) fitted in
 * a {@link PowerLawWindow} and subtracted from the window start to the last channel. The background
 * of channel i is the exact integral of the density over the channel, {@code A·(hi^k − lo^k)/k}
 * with {@code k = 1 − r}. Spectra are {@code double[grid.channels()]} of counts per channel.
 *
 * <p>One instance per thread (it keeps a work row); per-spectrum calls allocate nothing. A window
 * with a non-positive half (I1 ≤ 0 or I2 ≤ 0) gives an invalid {@link PowerLawFit} (NaN A and r)
 * and leaves the spectrum unchanged.
 */
public final class PowerLawBackground {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    private final EnergyGrid grid;
    private final PowerLawWindow window;
    private final PowerLawEstimator estimator;
    /** ln of channel edges from the window's lower edge up: lnEdge[j] = ln(lower edge of first + j). */
    private final double[] lnEdge;
    private final double[] lnCentre;
    private final double[] model;
    private final double[] featureWork;

    public PowerLawBackground(EnergyGrid grid, PowerLawWindow window, PowerLawEstimator estimator) {
        if (window.endChannel() > grid.channels()) {
            throw new IllegalArgumentException("window " + window + " extends past the grid " + grid);
        }
        this.grid = grid;
        this.window = window;
        this.estimator = estimator;
        int n = grid.channels() - window.firstChannel();
        lnEdge = ChannelIntegrals.lnEdges(grid, window.firstChannel());
        lnCentre = new double[n];
        for (int j = 0; j < n; j++) {
            lnCentre[j] = Math.log(grid.energyEv(window.firstChannel() + j));
        }
        model = new double[n];
        featureWork = new double[featureCount()];
    }

    public PowerLawWindow window() {
        return window;
    }

    /** Fits A and r to {@code spectrum} into {@code out}; returns {@code out.valid()}. */
    public boolean fit(double[] spectrum, PowerLawFit out) {
        checkLength(spectrum);
        features(spectrum, featureWork, 0);
        fitFeatures(featureWork, 0, out);
        if (out.valid()) {
            out.setReducedChiSquare(reducedChiSquare(spectrum, out));
        }
        return out.valid();
    }

    /**
     * Numbers per spectrum the estimator needs from the window: the two half-window areas
     * {@code I1, I2} (counts) for the two-area methods, the window's channel counts for log-log.
     * They are linear in the counts, so a weighted mean of spectra has the weighted mean features.
     */
    public int featureCount() {
        return estimator == PowerLawEstimator.LOG_LOG ? window.channelCount() : 2;
    }

    /** Writes the window features of {@code spectrum} into {@code out[offset .. offset + featureCount())}. */
    public void features(double[] spectrum, double[] out, int offset) {
        int first = window.firstChannel();
        if (estimator == PowerLawEstimator.LOG_LOG) {
            System.arraycopy(spectrum, first, out, offset, window.channelCount());
            return;
        }
        int half = window.channelCount() / 2;
        double i1 = 0;
        double i2 = 0;
        for (int j = 0; j < half; j++) {
            i1 += spectrum[first + j];
            i2 += spectrum[first + half + j];
        }
        out[offset] = i1;
        out[offset + 1] = i2;
    }

    /** Fits A and r from window features (see {@link #features}) into {@code out}, without χ²; returns validity. */
    public boolean fitFeatures(double[] f, int offset, PowerLawFit out) {
        if (estimator == PowerLawEstimator.LOG_LOG) {
            fitLogLog(f, offset, out);
        } else {
            fitTwoArea(f[offset], f[offset + 1], out);
        }
        return out.valid();
    }

    /** Fits, then subtracts the fitted background when the fit is valid; returns validity. */
    public boolean fitAndSubtract(double[] spectrum, PowerLawFit out) {
        if (!fit(spectrum, out)) {
            return false;
        }
        subtract(spectrum, out);
        return true;
    }

    /** Subtracts the background of a valid {@code fit} from the window start on; no-op when invalid. */
    public void subtract(double[] spectrum, PowerLawFit fit) {
        checkLength(spectrum);
        if (!fit.valid()) {
            return;
        }
        int n = channelCounts(fit.amplitude(), fit.exponent(), lnEdge.length - 1);
        int first = window.firstChannel();
        // In lanes by hand: the JIT does not vectorize a loop over two arrays that might be one.
        int j = 0;
        for (int bound = LANES.loopBound(n); j < bound; j += LANES.length()) {
            DoubleVector.fromArray(LANES, spectrum, first + j).sub(DoubleVector.fromArray(LANES, model, j))
                    .intoArray(spectrum, first + j);
        }
        for (; j < n; j++) {
            spectrum[first + j] -= model[j];
        }
    }

    private void fitTwoArea(double i1, double i2, PowerLawFit out) {
        if (!(i1 > 0) || !(i2 > 0) || !Double.isFinite(i1 + i2)) {
            out.invalidate();
            return;
        }
        double e1 = window.e1Ev();
        double e2 = window.e2Ev();
        double e3 = window.e3Ev();
        double r = estimator == PowerLawEstimator.TWO_AREA_EXACT
                ? TwoAreaMethod.exactExponent(i1, i2, e1, e2, e3)
                : TwoAreaMethod.classicExponent(i1, i2, e1, e3);
        out.set(TwoAreaMethod.amplitude(i2, r, e2, e3), r);
    }

    private void fitLogLog(double[] y, int first, PowerLawFit out) {
        double lnWidth = Math.log(grid.scaleEv());
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int j = 0; j < window.channelCount(); j++) {
            double w = y[first + j];
            if (w > 0) {
                double x = lnCentre[j];
                double v = Math.log(w) - lnWidth;
                sw += w;
                sx += w * x;
                sy += w * v;
                sxx += w * x * x;
                sxy += w * x * v;
            }
        }
        double det = sw * sxx - sx * sx;
        if (!(sw > 0) || !(det > 1e-12 * sw * sxx)) {
            out.invalidate();
            return;
        }
        double slope = (sw * sxy - sx * sy) / det;
        double intercept = (sy - slope * sx) / sw;
        out.set(Math.exp(intercept), -slope);
    }

    /** Σ (y − b)² / max(b, 1) over the window for the background b of {@code fit}, per degree of freedom. */
    public double reducedChiSquare(double[] y, PowerLawFit fit) {
        if (!fit.valid()) {
            return Double.NaN;
        }
        int n = channelCounts(fit.amplitude(), fit.exponent(), window.channelCount());
        int first = window.firstChannel();
        DoubleVector sum = DoubleVector.zero(LANES);
        int j = 0;
        for (int bound = LANES.loopBound(n); j < bound; j += LANES.length()) {
            DoubleVector b = DoubleVector.fromArray(LANES, model, j);
            DoubleVector d = DoubleVector.fromArray(LANES, y, first + j).sub(b);
            sum = sum.add(d.mul(d).div(b.max(1.0)));
        }
        double chi2 = sum.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            double d = y[first + j] - model[j];
            chi2 += d * d / Math.max(model[j], 1.0);
        }
        return n > 2 ? chi2 / (n - 2) : Double.NaN;
    }

    /** Fills model[0..n) with the background counts of channels first..first+n; returns n. */
    private int channelCounts(double a, double r, int n) {
        ChannelIntegrals.fill(lnEdge, a, r, model, n);
        return n;
    }

    private void checkLength(double[] spectrum) {
        if (spectrum.length != grid.channels()) {
            throw new IllegalArgumentException("spectrum has " + spectrum.length + " channels, grid has "
                    + grid.channels());
        }
    }
}
