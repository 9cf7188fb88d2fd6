package org.sicube.transforms.normalization;

/**
 * Standard normal variate: {@code (x − mean) / std} over all channels (population standard
 * deviation, divisor n). Assumption: spectra differ only by an additive offset and a multiplicative
 * scale; the result is no longer in counts and has no Poisson model. Returns the std used.
 */
public final class SnvNormalization implements SpectrumNormalization {

    @Override
    public double apply(double[] spectrum) {
        int n = spectrum.length;
        double mean = 0;
        for (double v : spectrum) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : spectrum) {
            double d = v - mean;
            ss += d * d;
        }
        double std = Math.sqrt(ss / n);
        if (!(std > 0) || !Double.isFinite(std)) {
            return Double.NaN;
        }
        double inverse = 1.0 / std;
        for (int i = 0; i < n; i++) {
            spectrum[i] = (spectrum[i] - mean) * inverse;
        }
        return std;
    }
}
