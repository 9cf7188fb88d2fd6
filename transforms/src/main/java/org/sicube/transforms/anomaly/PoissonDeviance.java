package org.sicube.transforms.anomaly;

/**
 * Per-spectrum residual statistics of counts x against a reconstruction x̂ (both E channels):
 * the Poisson deviance D = 2 Σ_e [x ln(x / x̂) − (x − x̂)] (x ln(x / x̂) := 0 for x = 0), the
 * likelihood-ratio statistic of the reconstruction against the saturated model, and the weighted
 * χ² = Σ_e (x − x̂)² / x̂. A linear reconstruction can be zero or negative in a channel; x̂ is then
 * clamped to {@link #FLOOR} counts, so every deviance term stays finite and non-negative.
 */
public final class PoissonDeviance {
    /**
     * Smallest expected count per channel, in counts. Clamping at 0.01 changes the deviance of an
     * empty channel by at most 0.02 and still makes a single count where none is expected a
     * surprise of 2·(ln 100 − 0.99) ≈ 7.2, so a peak that the reconstruction misses is never hidden.
     */
    public static final double FLOOR = 0.01;

    private PoissonDeviance() {
    }

    /** The deviance term of one channel: 2 [x ln(x / m) − (x − m)] with m = max(x̂, FLOOR). */
    public static double term(double x, double expected) {
        double m = Math.max(expected, FLOOR);
        return x > 0 ? 2 * (x * Math.log(x / m) - (x - m)) : 2 * m;
    }

    /** The weighted χ² term of one channel: (x − x̂)² / max(x̂, FLOOR). */
    public static double chiSquareTerm(double x, double expected) {
        double d = x - expected;
        return d * d / Math.max(expected, FLOOR);
    }

    /** D over channels {@code [offset, offset + expected.length)} of {@code counts}. */
    public static double deviance(float[] counts, int offset, double[] expected) {
        double d = 0;
        for (int e = 0; e < expected.length; e++) {
            d += term(counts[offset + e], expected[e]);
        }
        return d;
    }

    /** Weighted χ² over channels {@code [offset, offset + expected.length)} of {@code counts}. */
    public static double chiSquare(float[] counts, int offset, double[] expected) {
        double c = 0;
        for (int e = 0; e < expected.length; e++) {
            c += chiSquareTerm(counts[offset + e], expected[e]);
        }
        return c;
    }
}
