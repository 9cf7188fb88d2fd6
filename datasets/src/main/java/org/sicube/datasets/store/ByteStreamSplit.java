package org.sicube.datasets.store;

/**
 * The byte-stream split of float32 values (Parquet's {@code BYTE_STREAM_SPLIT} layout): the
 * little-endian bytes of {@code n} values stored as four planes of {@code n} bytes, byte 0 of
 * every value first, then byte 1, 2 and 3. The sign, exponent and high mantissa bytes of spectra
 * change slowly from value to value, so zstd compresses the planes faster and smaller than the
 * interleaved bytes (see the README's store schema).
 */
final class ByteStreamSplit {
    private ByteStreamSplit() {
    }

    static byte[] encode(float[] values) {
        int n = values.length;
        byte[] out = new byte[Math.multiplyExact(4, n)];
        for (int i = 0; i < n; i++) {
            int b = Float.floatToRawIntBits(values[i]);
            out[i] = (byte) b;
            out[n + i] = (byte) (b >>> 8);
            out[2 * n + i] = (byte) (b >>> 16);
            out[3 * n + i] = (byte) (b >>> 24);
        }
        return out;
    }

    /** Fills {@code out} from the planes in {@code bytes}, which must hold exactly {@code 4 · out.length} bytes. */
    static void decode(byte[] bytes, float[] out) {
        int n = out.length;
        for (int i = 0; i < n; i++) {
            out[i] = Float.intBitsToFloat((bytes[i] & 0xFF) | (bytes[n + i] & 0xFF) << 8
                    | (bytes[2 * n + i] & 0xFF) << 16 | bytes[3 * n + i] << 24);
        }
    }
}
