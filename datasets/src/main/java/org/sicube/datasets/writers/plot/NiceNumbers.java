package org.sicube.datasets.writers.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round numbers for axes: 1, 2 or 5 × 10^k steps (Heckbert, "Nice numbers for graph labels",
 * Graphics Gems, 1990) and their compact labels.
 */
final class NiceNumbers {
    private NiceNumbers() {
    }

    /** Largest 1/2/5 × 10^k not above {@code x} (x > 0). */
    static double floorNice(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        double m = x / p;
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
    }

    /** Linear ticks inside [lo, hi], about {@code target} of them, on a 1/2/5 step. */
    static List<Double> linearTicks(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(hi > lo)) {
            ticks.add(lo);
            return ticks;
        }
        double step = floorNice((hi - lo) / Math.max(1, target - 1));
        if ((hi - lo) / step > target + 1) {
            step = floorNice(step * 2.5);
        }
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    /** Powers of ten inside [lo, hi] (lo > 0); adds 2× and 5× when fewer than three decades. */
    static List<Double> logTicks(double lo, double hi) {
        List<Double> ticks = new ArrayList<>();
        int k0 = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int k1 = (int) Math.floor(Math.log10(hi) + 1e-9);
        double[] mantissas = k1 - k0 < 2 ? new double[] {1, 2, 5} : new double[] {1};
        for (int k = k0 - 1; k <= k1; k++) {
            for (double m : mantissas) {
                double t = m * Math.pow(10, k);
                if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) {
                    ticks.add(t);
                }
            }
        }
        return ticks;
    }

    /** Short label: plain for moderate magnitudes, scientific otherwise. */
    static String label(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(Locale.ROOT, "%.2g", v);
            return s.replaceFirst("\\.?0+e", "e").replace("e+0", "e").replace("e+", "e").replace("e-0", "e-");
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
    }
}
