package org.sicube.transforms.background;

/**
 * Asymmetric least squares baseline (Eilers &amp; Boelens 2005, "Baseline correction with asymmetric
 * least squares smoothing"): minimise {@code Σ w_i (y_i − z_i)² + λ Σ (Δ² z_i)²} with
 * {@code w_i = p} where {@code y_i > z_i} and {@code 1 − p} otherwise, starting from w = 1 and
 * re-weighting for a fixed number of iterations (stopping early when no weight changes). Each
 * iteration solves the pentadiagonal system {@code (W + λ DᵀD) z = W y} by a banded LDLᵀ
 * factorisation in O(n). Typical values: λ = 10²–10⁹ (larger = stiffer), p = 0.001–0.05.
 * Spectra are {@code double[channels]}; one instance per thread; per-spectrum calls allocate nothing.
 */
public final class Asls {

    private final int n;
    private final double lambda;
    private final double p;
    private final int iterations;
    private final double[] weight;
    private final double[] diag;
    private final double[] l1;
    private final double[] l2;

    public Asls(int channels, double lambda, double p, int iterations) {
        if (channels < 3 || !(lambda > 0) || !(p > 0 && p < 1) || iterations < 1) {
            throw new IllegalArgumentException("AsLS needs ≥ 3 channels, λ > 0, 0 < p < 1 and ≥ 1 iteration, got "
                    + channels + ", " + lambda + ", " + p + ", " + iterations);
        }
        this.n = channels;
        this.lambda = lambda;
        this.p = p;
        this.iterations = iterations;
        weight = new double[n];
        diag = new double[n];
        l1 = new double[n];
        l2 = new double[n];
    }

    /** Writes the baseline of {@code spectrum} into {@code baseline}; returns the iterations used. */
    public int baseline(double[] spectrum, double[] baseline) {
        if (spectrum.length != n || baseline.length != n) {
            throw new IllegalArgumentException("AsLS configured for " + n + " channels, got " + spectrum.length
                    + " and " + baseline.length);
        }
        java.util.Arrays.fill(weight, 1.0);
        for (int it = 1; it <= iterations; it++) {
            solve(spectrum, baseline);
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                double w = spectrum[i] > baseline[i] ? p : 1.0 - p;
                changed |= w != weight[i];
                weight[i] = w;
            }
            if (!changed) {
                return it;
            }
        }
        return iterations;
    }

    /** Subtracts the baseline in place, using {@code work} for it. */
    public void subtract(double[] spectrum, double[] work) {
        baseline(spectrum, work);
        for (int i = 0; i < n; i++) {
            spectrum[i] -= work[i];
        }
    }

    /** Solves (W + λ DᵀD) z = W y; z doubles as the forward-substitution vector. */
    private void solve(double[] y, double[] z) {
        for (int i = 0; i < n; i++) {
            double a = weight[i] + lambda * penaltyDiagonal(i);
            double c = i >= 2 ? lambda : 0.0;                     // A[i][i−2] = λ
            double b = i >= 1 ? lambda * penaltyOffDiagonal(i - 1) : 0.0; // A[i][i−1]
            double m2 = i >= 2 ? c / diag[i - 2] : 0.0;
            double m1 = i >= 1 ? (b - (i >= 2 ? m2 * diag[i - 2] * l1[i - 1] : 0.0)) / diag[i - 1] : 0.0;
            l2[i] = m2;
            l1[i] = m1;
            double d = a;
            if (i >= 1) {
                d -= m1 * m1 * diag[i - 1];
            }
            if (i >= 2) {
                d -= m2 * m2 * diag[i - 2];
            }
            diag[i] = d;
            double u = weight[i] * y[i];
            if (i >= 1) {
                u -= m1 * z[i - 1];
            }
            if (i >= 2) {
                u -= m2 * z[i - 2];
            }
            z[i] = u;
        }
        for (int i = n - 1; i >= 0; i--) {
            double v = z[i] / diag[i];
            if (i + 1 < n) {
                v -= l1[i + 1] * z[i + 1];
            }
            if (i + 2 < n) {
                v -= l2[i + 2] * z[i + 2];
            }
            z[i] = v;
        }
    }

    /** (DᵀD)_{ii} for the (n−2)×n second-difference matrix D: 1, 5, 6, …, 6, 5, 1. */
    private double penaltyDiagonal(int i) {
        if (i == 0 || i == n - 1) {
            return 1.0;
        }
        if (i == 1 || i == n - 2) {
            return n == 3 ? 4.0 : 5.0;
        }
        return 6.0;
    }

    /** (DᵀD)_{i+1,i}: −2, −4, …, −4, −2. */
    private double penaltyOffDiagonal(int i) {
        return (i == 0 || i == n - 2) ? -2.0 : -4.0;
    }
}
