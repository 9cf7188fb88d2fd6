package org.sicube.datasets.formats.raw;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The binary number type of one stored count: its width in bytes and how it decodes to float32.
 * Byte order is the caller's (set on the {@link ByteBuffer}). 64-bit integers above 2^24 lose
 * precision in float32 exactly as any float32 count store would.
 */
public enum SampleType {
    INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), UINT64(8), FLOAT32(4), FLOAT64(8);

    private final int bytes;

    SampleType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** NumPy-style name, e.g. {@code uint16}, as stored in {@code SpectrumImage.dataType}. */
    public String typeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a kind ('i' signed, 'u' unsigned, 'f' float) and a width in bytes, or null. */
    public static SampleType of(char kind, int bytes) {
        for (SampleType t : values()) {
            if (t.bytes == bytes && t.kind() == kind) {
                return t;
            }
        }
        return null;
    }

    public char kind() {
        return switch (this) {
            case INT8, INT16, INT32, INT64 -> 'i';
            case UINT8, UINT16, UINT32, UINT64 -> 'u';
            case FLOAT32, FLOAT64 -> 'f';
        };
    }

    /**
     * Decodes {@code count} samples starting at byte {@code from} of {@code src} into
     * {@code dst[to + k * stride]}. The switch sits outside the loops so each loop is monomorphic.
     */
    public void decode(ByteBuffer src, int from, int count, float[] dst, int to, int stride) {
        int p = from;
        int q = to;
        switch (this) {
            case INT8 -> { for (int k = 0; k < count; k++, p += 1, q += stride) dst[q] = src.get(p); }
            case UINT8 -> { for (int k = 0; k < count; k++, p += 1, q += stride) dst[q] = src.get(p) & 0xFF; }
            case INT16 -> { for (int k = 0; k < count; k++, p += 2, q += stride) dst[q] = src.getShort(p); }
            case UINT16 -> { for (int k = 0; k < count; k++, p += 2, q += stride) dst[q] = src.getShort(p) & 0xFFFF; }
            case INT32 -> { for (int k = 0; k < count; k++, p += 4, q += stride) dst[q] = src.getInt(p); }
            case UINT32 -> { for (int k = 0; k < count; k++, p += 4, q += stride) dst[q] = src.getInt(p) & 0xFFFFFFFFL; }
            case INT64 -> { for (int k = 0; k < count; k++, p += 8, q += stride) dst[q] = src.getLong(p); }
            case UINT64 -> { for (int k = 0; k < count; k++, p += 8, q += stride) dst[q] = unsignedToFloat(src.getLong(p)); }
            case FLOAT32 -> { for (int k = 0; k < count; k++, p += 4, q += stride) dst[q] = src.getFloat(p); }
            case FLOAT64 -> { for (int k = 0; k < count; k++, p += 8, q += stride) dst[q] = (float) src.getDouble(p); }
            default -> throw new IllegalStateException(name());
        }
    }

    private static float unsignedToFloat(long v) {
        return v >= 0 ? v : (float) ((v >>> 1) * 2.0 + (v & 1));
    }
}
