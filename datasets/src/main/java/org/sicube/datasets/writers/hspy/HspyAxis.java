package org.sicube.datasets.writers.hspy;

import org.sicube.datasets.model.EnergyAxis;

/**
 * One uniform axis of a HyperSpy signal, written as the group {@code axis-i} beside the data:
 * coordinate of index {@code i} is {@code offset + i * scale} in {@code units}. Navigation axes
 * ({@code navigate = true}) index spectra or images; the others span the signal itself.
 * {@code binned} marks axes whose values are counts per bin (EDS/EELS energy axes). In the file the
 * navigate flags become {@code metadata/Signal/record_by} (see {@link HspySignalWriter}).
 */
public record HspyAxis(String name, String units, double offset, double scale, int size,
                       boolean navigate, boolean binned) {

    public HspyAxis {
        if (size <= 0) {
            throw new IllegalArgumentException("axis '" + name + "' needs a positive size, got " + size);
        }
        if (!Double.isFinite(offset) || !Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("axis '" + name + "' needs a finite offset and a non-zero scale, got "
                    + offset + " and " + scale);
        }
        name = name == null ? "" : name;
        units = units == null ? "" : units;
    }

    /** A navigation axis (pixel rows, columns or a stack index) starting at 0. */
    public static HspyAxis navigation(String name, String units, double scale, int size) {
        return new HspyAxis(name, units, 0, scale, size, true, false);
    }

    /** A spatial signal axis of an image (y or x) starting at 0; a NaN scale means "pixels". */
    public static HspyAxis imageAxis(String name, double pixelSize, String units, int size) {
        boolean known = Double.isFinite(pixelSize) && pixelSize > 0;
        return new HspyAxis(name, known ? units : "", 0, known ? pixelSize : 1, size, false, false);
    }

    /** The energy axis of spectra; counts per channel are binned. */
    public static HspyAxis energy(EnergyAxis axis) {
        return new HspyAxis("Energy", axis.units(), axis.offset(), axis.scale(), axis.size(), false, true);
    }

    /** The same axis as a navigation axis (for example y and x of a spectrum image). */
    public HspyAxis asNavigation() {
        return new HspyAxis(name, units, offset, scale, size, true, binned);
    }
}
