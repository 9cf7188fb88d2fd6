package org.sicube.transforms.calibration;

/**
 * A spectrum ({@code double[n]}, one value per channel) as an interpolating cubic B-spline, so that
 * it and its derivative can be evaluated at fractional channel positions: the coefficients come
 * from the samples by the causal/anti-causal recursive prefilter with pole {@code z = √3 − 2}
 * (Unser, Aldroubi &amp; Eden 1991, "Fast B-spline transforms for continuous image representation
 * and interpolation"), mirror-symmetric boundaries. The spline passes through every sample and
 * is twice continuously differentiable, so a Gauss–Newton shift fit sees a smooth model. Immutable.
 */
public final class SplineSpectrum {

    private static final double POLE = Math.sqrt(3) - 2;

    private final double[] coefficients;

    public SplineSpectrum(double[] samples) {
        int n = samples.length;
        if (n < 4) {
            throw new IllegalArgumentException("a spline spectrum needs at least 4 channels, got " + n);
        }
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = 6 * samples[i];
        }
        // Causal initialisation for a mirror-symmetric extension, truncated where z^k is negligible.
        double zk = POLE;
        double sum = c[0];
        for (int k = 1; k < n && Math.abs(zk) > 1e-17; k++) {
            sum += zk * c[k];
            zk *= POLE;
        }
        c[0] = sum;
        for (int i = 1; i < n; i++) {
            c[i] += POLE * c[i - 1];
        }
        c[n - 1] = POLE / (POLE * POLE - 1) * (c[n - 1] + POLE * c[n - 2]);
        for (int i = n - 2; i >= 0; i--) {
            c[i] = POLE * (c[i + 1] - c[i]);
        }
        coefficients = c;
    }

    public int channels() {
        return coefficients.length;
    }

    /** The spline at fractional channel {@code x} (mirror-extended beyond the ends). */
    public double value(double x) {
        int k = (int) Math.floor(x);
        double t = x - k;
        double s = 1 - t;
        double w0 = s * s * s / 6;
        double w1 = (4 - 6 * t * t + 3 * t * t * t) / 6;
        double w2 = (4 - 6 * s * s + 3 * s * s * s) / 6;
        double w3 = t * t * t / 6;
        return w0 * at(k - 1) + w1 * at(k) + w2 * at(k + 1) + w3 * at(k + 2);
    }

    /** The derivative of the spline at fractional channel {@code x}, per channel. */
    public double slope(double x) {
        int k = (int) Math.floor(x);
        double t = x - k;
        double s = 1 - t;
        double d0 = -0.5 * s * s;
        double d1 = (-12 * t + 9 * t * t) / 6;
        double d2 = (12 * s - 9 * s * s) / 6;
        double d3 = 0.5 * t * t;
        return d0 * at(k - 1) + d1 * at(k) + d2 * at(k + 1) + d3 * at(k + 2);
    }

    /**
     * The spline just below the channels {@code q ∈ [first, end)} as cubics in a sub-channel offset
     * f ∈ [0, 1]: {@code value(q − f) = Σ_p poly[p][q − first]·f^p} (layout {@code poly[4][end − first]}),
     * so that the spline shifted by any δ is a fixed linear combination of four arrays.
     */
    double[][] polynomials(int first, int end) {
        double[][] poly = new double[4][end - first];
        for (int q = first; q < end; q++) {
            double a = at(q - 2);
            double b = at(q - 1);
            double c = at(q);
            double d = at(q + 1);
            poly[0][q - first] = (b + 4 * c + d) / 6;
            poly[1][q - first] = 0.5 * (b - d);
            poly[2][q - first] = 0.5 * (b - 2 * c + d);
            poly[3][q - first] = (a - 3 * b + 3 * c - d) / 6;
        }
        return poly;
    }

    /** Coefficient k with whole-sample mirror symmetry about the first and last channel. */
    private double at(int k) {
        int n = coefficients.length;
        int period = 2 * n - 2;
        int m = Math.floorMod(k, period);
        return coefficients[m < n ? m : period - m];
    }
}
