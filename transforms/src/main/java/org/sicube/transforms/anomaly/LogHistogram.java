package org.sicube.transforms.anomaly;

import java.io.Serializable;

/**
 * A mergeable fixed-bin histogram of non-negative values on a log scale: {@link #BINS_PER_DECADE}
 * bins per decade from 10^{@link #MIN_DECADE} to 10^{@link #MAX_DECADE}, plus counts of zeros
 * and of values below and above the range. Quantiles interpolate geometrically inside a bin, so
 * their relative error is below 10^(1/{@link #BINS_PER_DECADE}) − 1 ≈ 1.2 %. Fixed size
 * (3 200 longs) whatever the number of values: the summary executors send to the driver.
 */
public final class LogHistogram implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int BINS_PER_DECADE = 200;
    public static final int MIN_DECADE = -4;
    public static final int MAX_DECADE = 12;

    private final long[] bins = new long[(MAX_DECADE - MIN_DECADE) * BINS_PER_DECADE];
    private long zeros;
    private long below;
    private long above;
    private long count;

    public LogHistogram add(double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException("a log histogram holds non-negative values, got " + v);
        }
        count++;
        if (v == 0) {
            zeros++;
            return this;
        }
        double b = (Math.log10(v) - MIN_DECADE) * BINS_PER_DECADE;
        if (b < 0) {
            below++;
        } else if (b >= bins.length) {
            above++;
        } else {
            bins[(int) b]++;
        }
        return this;
    }

    public LogHistogram merge(LogHistogram o) {
        for (int i = 0; i < bins.length; i++) {
            bins[i] += o.bins[i];
        }
        zeros += o.zeros;
        below += o.below;
        above += o.above;
        count += o.count;
        return this;
    }

    public long count() {
        return count;
    }

    /** Values equal to 0 (pixels without counts). */
    public long zeros() {
        return zeros;
    }

    /**
     * The q-quantile (0 &lt; q &lt; 1) of the positive values (zeros left out); values outside the
     * range are placed at its ends. NaN when there are no positive values.
     */
    public double quantile(double q) {
        long positive = count - zeros;
        if (positive == 0) {
            return Double.NaN;
        }
        double target = q * positive;
        double seen = below;
        if (target <= seen) {
            return Math.pow(10, MIN_DECADE);
        }
        for (int i = 0; i < bins.length; i++) {
            if (seen + bins[i] >= target) {
                double f = (target - seen) / bins[i];
                return Math.pow(10, MIN_DECADE + (i + f) / BINS_PER_DECADE);
            }
            seen += bins[i];
        }
        return Math.pow(10, MAX_DECADE);
    }

    /** Number of values strictly above {@code v}, counted to the resolution of a bin. */
    public long countAbove(double v) {
        if (v <= 0) {
            return count - zeros;
        }
        double b = (Math.log10(v) - MIN_DECADE) * BINS_PER_DECADE;
        long n = above;
        for (int i = Math.max(0, (int) Math.ceil(b)); i < bins.length; i++) {
            n += bins[i];
        }
        return n;
    }

    /** Lower edge of bin i and the count in it, for a written histogram. */
    public double binLow(int i) {
        return Math.pow(10, MIN_DECADE + (double) i / BINS_PER_DECADE);
    }

    public long bin(int i) {
        return bins[i];
    }

    public int bins() {
        return bins.length;
    }
}
