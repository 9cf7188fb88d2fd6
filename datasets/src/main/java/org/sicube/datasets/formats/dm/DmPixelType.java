package org.sicube.datasets.formats.dm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The numeric pixel types of {@code ImageData/DataType} that can hold spectra, with their size in
 * bytes, decoded to float32. Complex (3, 5, 13, 27, 28), RGB (8, 23) and binary (14) images are
 * rejected by {@link #of(int)}.
 */
enum DmPixelType {
    INT16(1, 2), FLOAT32(2, 4), UINT8(6, 1), INT32(7, 4), INT8(9, 1), UINT16(10, 2), UINT32(11, 4), FLOAT64(12, 8);

    final int code;
    final int bytes;

    DmPixelType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type for a DataType code, or null with {@link #whyUnsupported(int)} saying why. */
    static DmPixelType of(int code) {
        for (DmPixelType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    static String whyUnsupported(int code) {
        return switch (code) {
            case 3, 5, 13, 27, 28 -> "complex data (DataType " + code + ") is not a spectrum";
            case 8, 23 -> "RGB colour data (DataType " + code + ") is not a spectrum";
            case 14 -> "binary mask data (DataType 14) is not a spectrum";
            default -> "DataType " + code + " is not a known DigitalMicrograph pixel type";
        };
    }

    String numpyName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Decodes {@code n} values starting at byte {@code from} of {@code src} into
     * {@code dst[dstOff + i * dstStride]}.
     */
    void decode(byte[] src, int from, ByteOrder order, int n, float[] dst, int dstOff, int dstStride) {
        ByteBuffer bb = ByteBuffer.wrap(src).order(order);
        int d = dstOff;
        int p = from;
        switch (this) {
            case INT8 -> {
                for (int i = 0; i < n; i++, d += dstStride) {
                    dst[d] = src[p + i];
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++, d += dstStride) {
                    dst[d] = src[p + i] & 0xff;
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++, d += dstStride) {
                    dst[d] = bb.getShort(p + 2 * i);
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++, d += dstStride) {
                    dst[d] = bb.getShort(p + 2 * i) & 0xffff;
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++, d += dstStride) {
                    dst[d] = bb.getInt(p + 4 * i);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++, d += dstStride) {
                    dst[d] = bb.getInt(p + 4 * i) & 0xffffffffL;
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < n; i++, d += dstStride) {
                    dst[d] = bb.getFloat(p + 4 * i);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++, d += dstStride) {
                    dst[d] = (float) bb.getDouble(p + 8 * i);
                }
            }
        }
    }
}
