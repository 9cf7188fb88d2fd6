package org.sicube.transforms.background;

import java.util.Arrays;

/**
 * Percentiles of per-pixel power-law exponents, used to fix the two exponents of an {@link Lcpl}
 * background from the spread of single power-law fits (Cueva et al. 2012). NaN exponents (invalid
 * fits) are ignored; percentiles interpolate linearly between order statistics (the "linear"
 * definition, as numpy's default).
 */
public final class ExponentSpread {

    private ExponentSpread() {
    }

    /** The {@code low} and {@code high} percentiles (0–100) of the finite values of {@code exponents}. */
    public static double[] percentiles(double[] exponents, double low, double high) {
        if (!(low >= 0 && low < high && high <= 100)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 ≤ low < high ≤ 100, got " + low + ", "
                    + high);
        }
        double[] finite = Arrays.stream(exponents).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            throw new IllegalArgumentException("no finite exponent among " + exponents.length + " fits");
        }
        return new double[] {percentile(finite, low), percentile(finite, high)};
    }

    static double percentile(double[] sorted, double p) {
        double pos = p / 100.0 * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double f = pos - i;
        return sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }
}
