package org.sicube.transforms.decomposition;

import java.util.Locale;

/**
 * Exact (weighted Gram, then a full eigen-decomposition on the driver) or randomized (subspace
 * iteration, {@link RandomizedPca}) Poisson-weighted PCA, by estimated cost in flops. A pixel has at
 * most k̂ = min(E, a̅) non-zero channels (a̅: mean counts per pixel). Exact: N·k̂² for the Gram plus
 * E³ for the eigen-decomposition; randomized: 4·(q + 1)·N·k̂·L for q + 1 passes of two products
 * with the E × L probe, with {@link #NOMINAL_POWER_ITERATIONS} as q. The randomized path is taken
 * when the exact one is large ({@link #LARGE} flops or more) and dearer, or impossible (E² doubles
 * above a Java array).
 *
 * @param method "exact" or "randomized"
 * @param reason one line with the estimates behind the choice
 */
public record MethodChoice(String method, double exactCost, double randomizedCost, String reason) {

    public static final String EXACT = "exact";
    public static final String RANDOMIZED = "randomized";
    /** Exact cost above which the randomized path is considered: minutes of work on a few cores. */
    public static final double LARGE = 1e13;
    public static final int NOMINAL_POWER_ITERATIONS = 5;
    /** Largest E whose E × E Gram fits one Java array. */
    public static final int MAX_EXACT_CHANNELS = 46_340;

    /**
     * The choice for N {@code pixels} of E {@code channels} holding {@code totalCounts}, keeping
     * {@code components} (&lt; 0: chosen by the truncation); {@code forced} "exact", "randomized" or
     * null for the estimate's choice.
     */
    public static MethodChoice choose(long pixels, int channels, double totalCounts, int components, int oversampling,
            String forced) {
        double n = Math.max(1, pixels);
        double k = Math.max(1, Math.min(channels, totalCounts / n));
        int rank = Math.min(channels, (components < 0 ? RandomizedPca.AUTOMATIC_RANK : components) + oversampling);
        double exact = n * k * k + Math.pow(channels, 3);
        double randomized = 4.0 * (NOMINAL_POWER_ITERATIONS + 1) * n * k * rank;
        String estimate = String.format(Locale.ROOT, "estimated cost: exact %.3g flops (N·k̂² + E³), randomized %.3g "
                + "flops (4(q+1)·N·k̂·L, q = %d, L = %d); N = %d pixels, E = %d channels, k̂ = %.0f non-zero "
                + "channels per pixel at most", exact, randomized, NOMINAL_POWER_ITERATIONS, rank, pixels, channels, k);
        if (forced != null) {
            if (forced.equals(EXACT) && channels > MAX_EXACT_CHANNELS) {
                throw new IllegalArgumentException("--method exact: " + channels + " channels need an E × E Gram larger "
                        + "than a Java array (at most " + MAX_EXACT_CHANNELS + "); use --method randomized");
            }
            return new MethodChoice(forced, exact, randomized, forced + " given by --method; " + estimate);
        }
        if (channels > MAX_EXACT_CHANNELS) {
            return new MethodChoice(RANDOMIZED, exact, randomized, "randomized: the E × E Gram of " + channels
                    + " channels does not fit a Java array; " + estimate);
        }
        if (exact >= LARGE && randomized < exact) {
            return new MethodChoice(RANDOMIZED, exact, randomized, String.format(Locale.ROOT,
                    "randomized: the exact path is large (≥ %.0g flops) and %.1f× dearer; %s", LARGE,
                    exact / randomized, estimate));
        }
        return new MethodChoice(EXACT, exact, randomized, String.format(Locale.ROOT, "exact: %s; %s",
                exact < LARGE ? String.format(Locale.ROOT, "the exact path is small (< %.0g flops)", LARGE)
                        : "the randomized path would not be cheaper", estimate));
    }
}
