package org.sicube.datasets.formats.dm;

/**
 * One data tag of a DigitalMicrograph tag tree. {@code type} is the DM element type (2 int16,
 * 3 int32, 4 uint16, 5 uint32, 6 float32, 7 float64, 8 bool, 9 int8, 10 uint8, 11 int64, 12 uint64;
 * 15 for a struct); {@code count} elements start at byte {@code offset} of the file. Scalars, structs
 * and small arrays are loaded into {@code values}; large arrays (the image data) are only located
 * ({@code values == null}) and read later with positioned reads.
 */
record DmData(int type, long count, long offset, double[] values) {

    boolean loaded() {
        return values != null;
    }

    /** The first value, or NaN when nothing was loaded. */
    double number() {
        return values != null && values.length > 0 ? values[0] : Double.NaN;
    }

    /** The tag as text: DM stores strings as arrays of UTF-16 code units (type 4) or bytes (9, 10). */
    String text() {
        if (values == null || !(type == 4 || type == 9 || type == 10)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(values.length);
        for (double v : values) {
            int c = (int) v & (type == 4 ? 0xffff : 0xff);
            if (c != 0) {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** Size in bytes of one element of DM type {@code type}, or 0 when it is not a simple type. */
    static int elementBytes(long type) {
        return switch ((int) Math.min(type, 100)) {
            case 2, 4 -> 2;
            case 3, 5, 6 -> 4;
            case 7, 11, 12 -> 8;
            case 8, 9, 10 -> 1;
            default -> 0;
        };
    }
}
