package org.sicube.transforms.synthetic;

/**
 * Exact Poisson deviates: sequential-search inversion for λ &lt; 10 (expected λ + 1 steps) and
 * PTRS, the transformed rejection with squeeze of Hörmann (1993, "The transformed rejection method
 * for generating Poisson random variables", Insurance: Mathematics and Economics 12, 39–45) for
 * λ ≥ 10 (about 1.1 uniform pairs per deviate, independent of λ).
 */
public final class PoissonSampler {

    static final double INVERSION_LIMIT = 10.0;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2.0 * Math.PI);
    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private PoissonSampler() {
    }

    /** One Poisson(λ) deviate; λ ≤ 0 gives 0. λ must be finite and below 2³¹. */
    public static long sample(PixelRandom rng, double lambda) {
        if (!(lambda > 0)) {
            if (Double.isNaN(lambda)) {
                throw new IllegalArgumentException("Poisson mean is NaN");
            }
            return 0;
        }
        if (!(lambda < 2.0e9)) {
            throw new IllegalArgumentException("Poisson mean too large for an exact sampler: " + lambda);
        }
        return lambda < INVERSION_LIMIT ? inversion(rng, lambda) : ptrs(rng, lambda);
    }

    /** Inversion by sequential search of the cumulative distribution from k = 0. */
    static long inversion(PixelRandom rng, double lambda) {
        double p0 = Math.exp(-lambda);
        while (true) {
            double u = rng.nextDouble();
            double p = p0;
            double f = p0;
            long k = 0;
            // The tail beyond k = 200 has probability < 1e-150 for λ < 10; rounding can leave
            // f a hair below u there, in which case a fresh uniform is drawn (still exact).
            while (u > f && k < 200) {
                k++;
                p *= lambda / k;
                f += p;
            }
            if (u <= f) {
                return k;
            }
        }
    }

    /** Hörmann's PTRS for λ ≥ 10. */
    static long ptrs(PixelRandom rng, double lambda) {
        double slam = Math.sqrt(lambda);
        double logLam = Math.log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2.0);
        double logInvAlpha = Math.log(invAlpha);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2.0 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b);
            if (lhs <= -lambda + k * logLam - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln(k!) from a table below 256, Stirling's series (error &lt; 1e-15) above. */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k;
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return x * Math.log(x) - x + LOG_SQRT_2PI + 0.5 * Math.log(x)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }
}
