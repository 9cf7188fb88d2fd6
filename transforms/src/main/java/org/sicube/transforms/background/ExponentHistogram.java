package org.sicube.transforms.background;

import java.io.Serializable;

/**
 * A fixed histogram of power-law exponents r for percentiles over a whole image in bounded memory
 * (the accumulator behind {@link Lcpl}'s exponents, Cueva et al. 2012): bins of {@link #BIN_WIDTH}
 * over [{@link #LOW}, {@link #HIGH}); values outside count in the first or last bin, NaN is
 * skipped. Percentiles interpolate linearly inside a bin, so they are within one bin width of
 * {@link ExponentSpread#percentiles} on the same values (when the percentile lies inside the range).
 * Merging is exact (counts), so the result does not depend on the partitioning.
 */
public final class ExponentHistogram implements Serializable {
    public static final double LOW = -5.0;
    public static final double HIGH = 15.0;
    public static final double BIN_WIDTH = 1e-3;
    private static final int BINS = (int) Math.round((HIGH - LOW) / BIN_WIDTH);

    private final long[] counts = new long[BINS];
    private long total;

    /** Counts one exponent; NaN and infinities (invalid fits) are skipped. */
    public void add(double r) {
        if (!Double.isFinite(r)) {
            return;
        }
        int b = (int) Math.floor((r - LOW) / BIN_WIDTH);
        counts[Math.max(0, Math.min(BINS - 1, b))]++;
        total++;
    }

    public ExponentHistogram merge(ExponentHistogram other) {
        for (int i = 0; i < BINS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        return this;
    }

    /** Number of finite exponents added. */
    public long count() {
        return total;
    }

    /**
     * The {@code p}-th percentile (0–100) with the "linear" definition (position p/100·(n − 1)
     * among the sorted values), each bin's values taken as evenly spread over it.
     */
    public double percentile(double p) {
        if (total == 0) {
            throw new IllegalArgumentException("no finite exponent to take a percentile of");
        }
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must lie in [0, 100], got " + p);
        }
        double rank = p / 100.0 * (total - 1);
        long below = 0;
        for (int i = 0; i < BINS; i++) {
            if (counts[i] > 0 && rank < below + counts[i]) {
                // The k-th of c values in a bin sits at (k + 0.5)/c of its width.
                double within = (rank - below + 0.5) / counts[i];
                return LOW + (i + within) * BIN_WIDTH;
            }
            below += counts[i];
        }
        return HIGH;
    }
}
