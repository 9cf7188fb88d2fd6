package org.sicube.datasets.formats.ripple;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.formats.raw.AxisOrder;
import org.sicube.datasets.formats.raw.CubeLayout;
import org.sicube.datasets.formats.raw.EnergyAxisOptions;
import org.sicube.datasets.formats.raw.RawCubeReader;
import org.sicube.datasets.formats.raw.SampleType;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Ripple / Lispix {@code .rpl} + {@code .raw} pairs (NIST "raw parameter list"; key list as in
 * the RosettaSciIO ripple specification, including HyperSpy's {@code depth-origin},
 * {@code depth-scale}, {@code depth-units}, {@code width-scale}, {@code signal}, {@code beam-energy},
 * {@code live-time}). {@code record-by vector} is a {@code (y, x, E)} cube, {@code record-by image}
 * an {@code (E, y, x)} one. The user names the {@code .rpl}; the {@code .raw} beside it holds the data.
 */
public final class RippleFormat implements SpectrumImageFormat {
    public static final String NAME = "ripple";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("rpl");
    }

    /** A parameter list is plain text: no NUL or other control bytes apart from tab, CR and LF. */
    @Override
    public boolean matchesMagic(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<String> optionKeys() {
        return EnergyAxisOptions.KEYS;
    }

    @Override
    public SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        RippleHeader h = RippleHeader.read(file);
        int nx = (int) h.whole("width", 1, Integer.MAX_VALUE);
        int ny = (int) h.whole("height", 1, Integer.MAX_VALUE);
        int depth = (int) h.whole("depth", 1, Integer.MAX_VALUE);
        long offset = h.whole("offset", 0, Long.MAX_VALUE, 0);
        int length = (int) h.whole("data-length", 1, 8);
        String kind = h.choice("data-type", null, "signed", "unsigned", "float");
        SampleType type = SampleType.of(kind.equals("signed") ? 'i' : kind.charAt(0), length);
        if (type == null) {
            throw new InvalidInputException(file.location() + ": data-type '" + kind + "' with data-length "
                    + length + " is not a number type (signed/unsigned: 1, 2, 4, 8; float: 4, 8)");
        }
        String byteOrder = h.choice("byte-order", "dont-care", "little-endian", "big-endian", "dont-care");
        if (byteOrder.equals("dont-care") && length > 1) {
            throw new InvalidInputException(file.location() + ": key 'byte-order' is missing or 'dont-care' but "
                    + "data-length is " + length + "; say little-endian or big-endian");
        }
        String recordBy = h.choice("record-by", "dont-care", "vector", "image", "dont-care");
        if (recordBy.equals("dont-care") && depth > 1) {
            throw new InvalidInputException(file.location() + ": key 'record-by' is missing or 'dont-care' but depth is "
                    + depth + "; say vector (spectrum by spectrum) or image (plane by plane)");
        }
        CubeLayout layout = new CubeLayout(offset, ny, nx, depth, type,
                byteOrder.equals("big-endian") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                recordBy.equals("image") ? AxisOrder.E_Y_X : AxisOrder.Y_X_E);
        InputFile raw = rawBeside(file);
        layout.requireFits(raw, "the parameter list " + file.name());
        return new RawCubeReader(raw, header(h, file, options, layout), layout);
    }

    private static SpectrumImage header(RippleHeader h, InputFile file, ReaderOptions options, CubeLayout layout) {
        double scale = h.number("depth-scale");
        String units = h.text("depth-units", "");
        if (Double.isNaN(scale) && !Double.isNaN(h.number("ev-per-chan"))) {
            scale = h.number("ev-per-chan");
            units = "eV";
        }
        EnergyAxis axis = EnergyAxisOptions.resolve(options, h.number("depth-origin"), scale, units,
                layout.channels(), file.location());
        return new SpectrumImage(layout.ny(), layout.nx(), axis, h.number("width-scale"), h.text("width-units", ""),
                h.text("signal", ""), h.number("beam-energy"), h.number("live-time"), Double.NaN, List.of(), "",
                file.location(), NAME, "", layout.type().typeName(), Double.NaN);
    }

    /** The {@code .raw} with the same base name, in lower or upper case. */
    static InputFile rawBeside(InputFile rpl) throws IOException {
        String name = rpl.name();
        boolean rplName = name.toLowerCase(java.util.Locale.ROOT).endsWith(".rpl");
        String base = rplName ? name.substring(0, name.length() - ".rpl".length()) : name;
        for (String ext : List.of(".raw", ".RAW", ".Raw")) {
            InputFile raw = rpl.sibling(base + ext);
            if (raw.exists()) {
                return raw;
            }
        }
        throw new InvalidInputException(rpl.location() + ": the data file " + base + ".raw is not beside it; "
                + "a Ripple parameter list needs its .raw in the same folder");
    }
}
