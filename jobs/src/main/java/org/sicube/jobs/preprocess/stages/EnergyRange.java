package org.sicube.jobs.preprocess.stages;

import java.util.Locale;
import org.sicube.transforms.background.PowerLawWindow;
import org.sicube.transforms.physics.EnergyGrid;

/** Checks that a window given in a config (eV) lies inside a grid's energy range, naming the key. */
final class EnergyRange {
    private EnergyRange() {
    }

    /**
     * Throws unless {@code [fromEv, toEv]} lies within the grid's span (first channel's lower edge
     * to the last channel's upper edge).
     */
    static void check(String key, String type, double fromEv, double toEv, EnergyGrid g) {
        double lo = g.energyEv(-0.5);
        double hi = g.energyEv(g.channels() - 0.5);
        if (fromEv < lo - 1e-9 || toEv > hi + 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "config key %s (%s): [%s, %s] eV lies outside the energy range %s–%s eV of the input"
                            + " store (after the stages before this one)",
                    key, type, num(fromEv), num(toEv), num(lo), num(hi)));
        }
    }

    /** Checks a pre-edge window as {@link #check} does and that it holds enough channels for a power-law fit. */
    static void checkPowerLawWindow(String key, String type, double fromEv, double toEv, EnergyGrid g) {
        check(key, type, fromEv, toEv, g);
        try {
            PowerLawWindow.of(g, fromEv, toEv);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key " + key + " (" + type + "): " + e.getMessage());
        }
    }

    private static String num(double v) {
        double r = Math.round(v * 1e6) / 1e6;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
