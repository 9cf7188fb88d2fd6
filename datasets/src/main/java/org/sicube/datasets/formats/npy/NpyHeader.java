package org.sicube.datasets.formats.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sicube.datasets.formats.raw.SampleType;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * The header of a NumPy {@code .npy} file (format versions 1.0, 2.0, 3.0 as specified in NumPy's
 * {@code numpy.lib.format}): the magic {@code \x93NUMPY}, a version, a little-endian header length
 * (2 bytes in 1.0, 4 after), then a Python dict literal with {@code descr}, {@code fortran_order}
 * and {@code shape}; the array's bytes start right after it.
 */
public record NpyHeader(SampleType type, ByteOrder byteOrder, boolean fortranOrder, long[] shape, long dataOffset) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy pads headers to 64 bytes; a megabyte is far beyond any real one. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    public static boolean hasMagic(byte[] head) {
        if (head.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    public static NpyHeader read(InputFile file) throws IOException {
        String f = file.location();
        long length = file.length();
        if (length < 10) {
            throw new InvalidInputException(f + ": " + length + " bytes is too short for a .npy header");
        }
        byte[] pre = file.readRange(0, 12 <= length ? 12 : 10);
        if (!hasMagic(pre)) {
            throw new InvalidInputException(f + ": bytes 0-5 are not the .npy magic \\x93NUMPY");
        }
        int major = pre[6] & 0xFF;
        ByteBuffer lenBuf = ByteBuffer.wrap(pre, 8, pre.length - 8).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int lenBytes;
        if (major == 1) {
            headerLen = lenBuf.getShort() & 0xFFFF;
            lenBytes = 2;
        } else if ((major == 2 || major == 3) && pre.length == 12) {
            headerLen = lenBuf.getInt() & 0xFFFFFFFFL;
            lenBytes = 4;
        } else {
            throw new InvalidInputException(f + ": .npy format version " + major + "." + (pre[7] & 0xFF)
                    + " at byte 6 is not 1.0, 2.0 or 3.0");
        }
        long dataOffset = 8 + lenBytes + headerLen;
        if (headerLen > MAX_HEADER_BYTES || dataOffset > length) {
            throw new InvalidInputException(f + ": header length " + headerLen + " at byte 8 runs past the end "
                    + "of the " + length + "-byte file or is implausibly large");
        }
        String dict = new String(file.readRange(8 + lenBytes, (int) headerLen),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(f, dict, dataOffset);
    }

    static NpyHeader parse(String f, String dict, long dataOffset) {
        String descr = group(f, DESCR, dict, "descr");
        boolean fortran = group(f, FORTRAN, dict, "fortran_order").equals("True");
        String shapeText = group(f, SHAPE, dict, "shape");
        ByteOrder order = switch (descr.isEmpty() ? '?' : descr.charAt(0)) {
            case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> throw new InvalidInputException(f + ": header key 'descr' is '" + descr
                    + "'; expected a byte-order mark <, > or | before the type");
        };
        SampleType type = null;
        if (descr.length() >= 3 && descr.substring(2).chars().allMatch(Character::isDigit)) {
            char kind = descr.charAt(1) == 'b' ? 'u' : descr.charAt(1);
            type = SampleType.of(kind, Integer.parseInt(descr.substring(2)));
        }
        if (type == null) {
            throw new InvalidInputException(f + ": header key 'descr' is '" + descr + "'; counts must be "
                    + "integers (i1..i8, u1..u8, b1) or floats (f4, f8)");
        }
        return new NpyHeader(type, order, fortran, shape(f, shapeText), dataOffset);
    }

    private static long[] shape(String f, String text) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            try {
                dims.add(Long.parseLong(p));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(f + ": header key 'shape' is (" + text + "); expected whole numbers");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static String group(String f, Pattern p, String dict, String key) {
        Matcher m = p.matcher(dict);
        if (!m.find()) {
            throw new InvalidInputException(f + ": header key '" + key + "' is missing or not a plain value in "
                    + abbreviate(dict.strip()));
        }
        return m.group(1);
    }
}
