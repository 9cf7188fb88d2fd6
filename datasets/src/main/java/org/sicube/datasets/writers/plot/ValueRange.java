package org.sicube.datasets.writers.plot;

/**
 * The span of a map's finite values and the colour fraction (0 = low end, 1 = high end) of a value,
 * linear or in log10 over the positive values. A constant map spans [v, v + 1] so it still draws.
 */
record ValueRange(double lo, double hi, boolean log) {

    static ValueRange of(double[] values, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return log ? new ValueRange(1, 10, true) : new ValueRange(0, 1, false);
        }
        if (hi == lo) {
            hi = log ? lo * 10 : lo + 1;
        }
        return new ValueRange(lo, hi, log);
    }

    double fraction(double v) {
        if (log) {
            return v > 0 ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : 0;
        }
        return (v - lo) / (hi - lo);
    }
}
