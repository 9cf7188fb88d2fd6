package org.sicube.datasets.formats.raw;

import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;

/**
 * Reader options that give or override the energy axis of formats whose header may lack one:
 * {@code energy-offset} and {@code energy-scale} (numbers in {@code energy-units}, eV or keV).
 * Without calibration from the file or the options, channel {@code i} is taken as {@code i} eV.
 */
public final class EnergyAxisOptions {
    public static final String OFFSET = "energy-offset";
    public static final String SCALE = "energy-scale";
    public static final String UNITS = "energy-units";
    public static final Set<String> KEYS = Set.of(OFFSET, SCALE, UNITS);

    private EnergyAxisOptions() {
    }

    /**
     * The axis of {@code channels} channels: each of offset, scale, units from the options when
     * given, else from the file (NaN or null when the file has none), else 0, 1, eV.
     */
    public static EnergyAxis resolve(ReaderOptions options, double fileOffset, double fileScale, String fileUnits,
            int channels, String fileName) {
        double offset = number(options, OFFSET, Double.isNaN(fileOffset) ? 0.0 : fileOffset);
        double scale = number(options, SCALE, Double.isNaN(fileScale) ? 1.0 : fileScale);
        String units = options.get(UNITS, fileUnits == null || fileUnits.isBlank() ? "eV" : fileUnits);
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new InvalidInputException(fileName + ": energy axis offset " + offset + ", scale " + scale
                    + " is not usable (the scale must be a positive number); give " + OFFSET + "= and " + SCALE + "=");
        }
        EnergyAxis axis = new EnergyAxis(offset, scale, units, channels);
        try {
            axis.toEvFactor();
        } catch (IllegalStateException e) {
            throw new InvalidInputException(fileName + ": energy units '" + units
                    + "' are not eV or keV; give " + UNITS + "=eV or " + UNITS + "=keV", e);
        }
        return axis;
    }

    private static double number(ReaderOptions options, String key, double fallback) {
        String v = options.get(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("reader option '" + key + "' must be a number, got '" + v + "'");
        }
    }
}
