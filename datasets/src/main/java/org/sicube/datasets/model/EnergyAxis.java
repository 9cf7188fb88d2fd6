package org.sicube.datasets.model;

import java.util.Locale;

/**
 * The calibrated energy axis of a spectrum: channel {@code i} is at {@code offset + i * scale},
 * in {@code units} ("eV" or "keV"), for {@code size} channels.
 */
public record EnergyAxis(double offset, double scale, String units, int size) {

    public EnergyAxis {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("energy scale must be a positive number, got " + scale);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("energy offset must be finite, got " + offset);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("energy axis needs at least one channel, got " + size);
        }
        units = units == null || units.isBlank() ? "eV" : units.trim();
    }

    /** Energy of channel {@code i} in this axis' units. */
    public double energy(double i) {
        return offset + i * scale;
    }

    /** Factor that converts this axis' units to eV (1 for eV, 1000 for keV). */
    public double toEvFactor() {
        return switch (units.toLowerCase(Locale.ROOT)) {
            case "ev" -> 1.0;
            case "kev" -> 1000.0;
            case "mev" -> 1.0e6;
            default -> throw new IllegalStateException("energy units '" + units + "' are not eV, keV or MeV");
        };
    }

    public double offsetEv() {
        return offset * toEvFactor();
    }

    public double scaleEv() {
        return scale * toEvFactor();
    }

    /** True when both axes describe the same channels to within 1e-6 of a channel over the whole range. */
    public boolean sameAs(EnergyAxis other) {
        if (size != other.size) {
            return false;
        }
        double tol = 1e-6 * scaleEv();
        return Math.abs(offsetEv() - other.offsetEv()) <= tol
                && Math.abs(scaleEv() - other.scaleEv()) * size <= tol;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d ch from %.6g %s by %.6g %s", size, offset, units, scale, units);
    }
}
