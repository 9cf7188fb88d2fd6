package org.sicube.datasets.formats.dm;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.sicube.datasets.io.InputFile;

/**
 * Parses the tag tree of a Gatan DigitalMicrograph {@code .dm3}/{@code .dm4} file, following the
 * published descriptions of the format (C. Boothroyd, "Digital Micrograph file format"; G. Jefferis,
 * "DM3 file format"):
 * <pre>
 * header : version i4be (3|4), root length (i4be | i8be), byte order i4be (1 = little endian)
 * group  : sorted u1, open u1, tag count (i4be | i8be), entries
 * entry  : kind u1 (20 group, 21 data), name length u2be, name, [dm4: entry size i8be], group | data
 * data   : "%%%%", info length n (i4be | i8be), n info words (i4be | i8be), values in the file's byte order
 * </pre>
 * Info words: a simple type code; 18 and a string length; 20, element type and length (array);
 * 15, name length, field count and (name length, type) pairs (struct); arrays of structs, strings
 * and arrays. Large arrays are located, not loaded.
 */
final class DmTagParser {
    /** Arrays up to this many bytes are loaded (strings, small vectors); larger ones are only located. */
    private static final long LOAD_LIMIT = 16 * 1024;
    private static final int MAX_DEPTH = 64;

    private final DmCursor in;
    private int sizeBytes;
    private ByteOrder order;

    private DmTagParser(DmCursor in) {
        this.in = in;
    }

    static DmTagTree parse(InputFile file) throws IOException {
        return new DmTagParser(new DmCursor(file, file.length())).parse();
    }

    private DmTagTree parse() throws IOException {
        long version = in.uint(4, ByteOrder.BIG_ENDIAN);
        if (version != 3 && version != 4) {
            throw in.error("DM version is " + version + "; only versions 3 and 4 are supported");
        }
        sizeBytes = version == 4 ? 8 : 4;
        size("root length");
        long flag = in.uint(4, ByteOrder.BIG_ENDIAN);
        if (flag != 0 && flag != 1) {
            throw in.error("byte-order flag is " + flag + ", expected 0 (big endian) or 1 (little endian)");
        }
        order = flag == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        DmGroup root = new DmGroup();
        group(root, "", 0);
        return new DmTagTree((int) version, order, root);
    }

    /** A size or count field: 4 bytes in dm3, 8 in dm4, always big endian; negative is an error. */
    private long size(String what) throws IOException {
        long v = in.uint(sizeBytes, ByteOrder.BIG_ENDIAN);
        if (v < 0) {
            throw in.error(what + " is negative");
        }
        return v;
    }

    private void group(DmGroup into, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw in.error("tag groups nested deeper than " + MAX_DEPTH + " at '" + path + "'");
        }
        in.u8();
        in.u8();
        long n = size("tag count of group '" + path + "'");
        if (n > (in.length() - in.position()) / 3) {
            throw in.error("group '" + path + "' claims " + n + " tags, more than the rest of the file can hold");
        }
        for (long i = 0; i < n; i++) {
            int kind = in.u8();
            String name = new String(in.bytes((int) in.uint(2, ByteOrder.BIG_ENDIAN)), StandardCharsets.ISO_8859_1);
            String at = path.isEmpty() ? name : path + "/" + name;
            if (sizeBytes == 8) {
                size("size of tag '" + at + "'");
            }
            if (kind == 20) {
                DmGroup child = new DmGroup();
                group(child, at, depth + 1);
                into.add(name, child);
            } else if (kind == 21) {
                into.add(name, data(at));
            } else {
                throw in.error("tag '" + at + "' has kind " + kind + ", expected 20 (group) or 21 (data)");
            }
        }
    }

    private DmData data(String at) throws IOException {
        byte[] delim = in.bytes(4);
        if (!new String(delim, StandardCharsets.ISO_8859_1).equals("%%%%")) {
            throw in.error("data tag '" + at + "' does not start with %%%%");
        }
        long n = size("info length of tag '" + at + "'");
        if (n < 1 || n > 4096) {
            throw in.error("data tag '" + at + "' has an info array of " + n + " words");
        }
        long[] info = new long[(int) n];
        for (int i = 0; i < n; i++) {
            info[i] = size("info word of tag '" + at + "'");
        }
        long type = info[0];
        if (DmData.elementBytes(type) > 0 && n == 1) {
            return array(type, 1, at);
        }
        if (type == 18 && n == 2) {
            in.skip(info[1], "string of tag '" + at + "'");
            return new DmData(18, info[1], in.position() - info[1], null);
        }
        if (type == 15) {
            return struct(info, 1, at);
        }
        if (type == 20 && n >= 3) {
            return arrayTag(info, at);
        }
        throw in.error("data tag '" + at + "' has an unknown type description starting with " + type);
    }

    private DmData arrayTag(long[] info, String at) throws IOException {
        long elem = info[1];
        long length = info[info.length - 1];
        if (DmData.elementBytes(elem) > 0 && info.length == 3) {
            return array(elem, length, at);
        }
        long itemBytes;
        if (elem == 15) {
            itemBytes = structBytes(info, 2, at);
        } else if (elem == 18 && info.length == 4) {
            itemBytes = info[2];
        } else if (elem == 20 && info.length == 5 && DmData.elementBytes(info[2]) > 0) {
            itemBytes = checkedProduct(info[3], DmData.elementBytes(info[2]), at);
        } else {
            throw in.error("array tag '" + at + "' has an unknown element description starting with " + elem);
        }
        long bytes = checkedProduct(length, itemBytes, at);
        long offset = in.position();
        in.skip(bytes, "array of tag '" + at + "'");
        return new DmData((int) elem, length, offset, null);
    }

    private DmData array(long type, long count, String at) throws IOException {
        int eb = DmData.elementBytes(type);
        long bytes = checkedProduct(count, eb, at);
        long offset = in.position();
        if (bytes > LOAD_LIMIT) {
            in.skip(bytes, "array of tag '" + at + "'");
            return new DmData((int) type, count, offset, null);
        }
        double[] v = new double[(int) count];
        for (int i = 0; i < count; i++) {
            v[i] = value((int) type);
        }
        return new DmData((int) type, count, offset, v);
    }

    private DmData struct(long[] info, int from, String at) throws IOException {
        long fields = fieldCount(info, from, at);
        long offset = in.position();
        double[] v = new double[(int) fields];
        for (int f = 0; f < fields; f++) {
            long t = info[from + 3 + 2 * f];
            if (DmData.elementBytes(t) == 0) {
                throw in.error("struct tag '" + at + "' has field type " + t + ", not a simple type");
            }
            v[f] = value((int) t);
        }
        return new DmData(15, fields, offset, v);
    }

    /** Bytes of one struct described at {@code info[from..]}: name length, field count, (name length, type) pairs. */
    private long structBytes(long[] info, int from, String at) {
        long fields = fieldCount(info, from, at);
        long total = 0;
        for (int f = 0; f < fields; f++) {
            int eb = DmData.elementBytes(info[from + 3 + 2 * f]);
            if (eb == 0) {
                throw in.error("struct array tag '" + at + "' has a field that is not a simple type");
            }
            total += eb;
        }
        return total;
    }

    private long fieldCount(long[] info, int from, String at) {
        long fields = from + 1 < info.length ? info[from + 1] : -1;
        if (fields < 0 || from + 2 + 2 * fields > info.length) {
            throw in.error("struct tag '" + at + "' has an inconsistent field description");
        }
        return fields;
    }

    private long checkedProduct(long count, long itemBytes, String at) {
        if (count < 0 || (itemBytes > 0 && count > (in.length() - in.position()) / itemBytes)) {
            throw in.error("tag '" + at + "' claims " + count + " elements of " + itemBytes
                    + " bytes, more than the rest of the file holds");
        }
        return count * itemBytes;
    }

    private double value(int type) throws IOException {
        long raw = in.uint(DmData.elementBytes(type), order);
        return switch (type) {
            case 2 -> (short) raw;
            case 3 -> (int) raw;
            case 6 -> Float.intBitsToFloat((int) raw);
            case 7 -> Double.longBitsToDouble(raw);
            case 9 -> (byte) raw;
            case 12 -> raw < 0 ? raw + 0x1p64 : raw;
            default -> raw;
        };
    }
}
