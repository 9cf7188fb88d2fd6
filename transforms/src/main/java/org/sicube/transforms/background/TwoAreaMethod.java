package org.sicube.transforms.background;

/**
 * The two-area power-law estimate (Egerton, "Electron Energy-Loss Spectroscopy in the Electron
 * Microscope", 3rd ed., §4.4.2) from the counts {@code I1} in {@code [E1, E2]} and {@code I2} in
 * {@code [E2, E3]}, with a background density {@code A·E^-r} in counts per eV:
 * <ul>
 * <li>{@link #classicExponent}: {@code r = 2·ln(I1/I2) / ln(E3/E1)}, the closed form HyperSpy's
 * {@code PowerLaw.estimate_parameters} uses; it is an approximation (it replaces each half by a
 * narrow window at its centre), so r is biased by a few tenths of a percent for usual windows
 * (+0.18 % for r = 3 over 300–400 eV).</li>
 * <li>{@link #exactExponent}: solves {@code I1/I2 = (E2^k − E1^k) / (E3^k − E2^k)}, {@code k = 1 − r},
 * the exact area ratio of a power law, by a safeguarded secant iteration started from the closed form.</li>
 * <li>{@link #amplitude}: {@code A = (1 − r)·I2 / (E3^(1−r) − E2^(1−r))}, exact for any given r.</li>
 * </ul>
 * Areas are in counts: the counts summed over the channels of each half, i.e. the integral of the
 * density over that half. (DOMAIN's "counts summed × channel width" treats the per-channel counts as
 * the density; its A is this A times the channel width, its r is the same.)
 */
final class TwoAreaMethod {

    private static final int MAX_ITERATIONS = 60;
    private static final double EXPONENT_TOLERANCE = 1e-13;

    private TwoAreaMethod() {
    }

    static double classicExponent(double i1, double i2, double e1, double e3) {
        return 2.0 * Math.log(i1 / i2) / Math.log(e3 / e1);
    }

    /** A from r and the upper area; NaN when the inputs are not finite. */
    static double amplitude(double i2, double r, double e2, double e3) {
        double lb = Math.log(e2);
        double d = Math.log(e3) - lb;
        double k = 1.0 - r;
        // (E3^k − E2^k)/k = E2^k · d · φ(k·d), stable through k = 0 (r = 1).
        return i2 / (Math.exp(k * lb) * d * phi(k * d));
    }

    /** The exponent r whose exact area ratio equals I1/I2; NaN if no root is found. */
    static double exactExponent(double i1, double i2, double e1, double e2, double e3) {
        double target = Math.log(i1 / i2);
        double la = Math.log(e1);
        double lb = Math.log(e2);
        double lc = Math.log(e3);
        double r0 = classicExponent(i1, i2, e1, e3);
        if (!Double.isFinite(r0)) {
            return Double.NaN;
        }
        double r1 = r0 + 0.01;
        double f0 = logRatio(r0, la, lb, lc) - target;
        double f1 = logRatio(r1, la, lb, lc) - target;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (f1 == f0) {
                break;
            }
            double r2 = r1 - f1 * (r1 - r0) / (f1 - f0);
            // The log ratio is monotone and close to linear in r; cap the step to stay in range.
            r2 = Math.max(r1 - 5.0, Math.min(r1 + 5.0, r2));
            r0 = r1;
            f0 = f1;
            r1 = r2;
            f1 = logRatio(r1, la, lb, lc) - target;
            if (Math.abs(r1 - r0) <= EXPONENT_TOLERANCE * Math.max(1.0, Math.abs(r1))) {
                return r1;
            }
        }
        return Math.abs(f1) < 1e-12 ? r1 : Double.NaN;
    }

    /** ln[(E2^k − E1^k)/(E3^k − E2^k)] for k = 1 − r, given ln E1, ln E2, ln E3. */
    static double logRatio(double r, double la, double lb, double lc) {
        double k = 1.0 - r;
        double d1 = lb - la;
        double d2 = lc - lb;
        // E2^k − E1^k = E1^k·d1·φ(k·d1) and E3^k − E2^k = E2^k·d2·φ(k·d2).
        return k * (la - lb) + Math.log(d1 / d2) + Math.log(phi(k * d1) / phi(k * d2));
    }

    /**
     * φ(x) = (e^x − 1)/x with φ(0) = 1. Below |x| = 1/64 (every channel of a power-law background
     * takes this path once per channel) its Taylor series to x⁶, whose remainder x⁷/8! is below
     * 1e-17 there, replaces {@code Math.expm1}, which is not a compiler intrinsic.
     */
    static double phi(double x) {
        if (Math.abs(x) < 1.0 / 64) {
            return 1 + x * (1.0 / 2 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x / 5040)))));
        }
        return Math.expm1(x) / x;
    }
}
