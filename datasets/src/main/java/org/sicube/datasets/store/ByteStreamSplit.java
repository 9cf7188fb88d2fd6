package org.sicube.datasets.store;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The byte-stream split of float32 values (Parquet's {@code BYTE_STREAM_SPLIT} layout): the
 * little-endian bytes of {@code n} values stored as four planes of {@code n} bytes, byte 0 of
 * every value first, then byte 1, 2 and 3. The sign, exponent and high mantissa bytes of spectra
 * change slowly from value to value, so zstd compresses the planes faster and smaller than the
 * interleaved bytes (see the README's store schema). The transposition runs in SIMD lanes (a
 * block is megabytes, and the scalar loop's four scattered byte stores cost as much as zstd).
 */
final class ByteStreamSplit {
    /**
     * Floats as wide as the sum spectrum's (half the preferred width: as many lanes as doubles):
     * every use of one element type in a JVM must share one shape, or the JIT's type profiles
     * of the Vector API's shared methods mix shapes and it stops compiling them to SIMD.
     */
    private static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> INTS = FLOATS.withLanes(int.class);
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.vectorBitSize() / 4));

    private ByteStreamSplit() {
    }

    static byte[] encode(float[] values) {
        int n = values.length;
        byte[] out = new byte[Math.multiplyExact(4, n)];
        int i = 0;
        for (int end = FLOATS.loopBound(n); i < end; i += FLOATS.length()) {
            IntVector bits = FloatVector.fromArray(FLOATS, values, i).reinterpretAsInts();
            for (int k = 0; k < 4; k++) {
                // I2B keeps the low byte of each lane, as a Java (byte) cast does.
                bits.lanewise(VectorOperators.LSHR, 8 * k).convertShape(VectorOperators.I2B, BYTES, 0)
                        .reinterpretAsBytes().intoArray(out, k * n + i);
            }
        }
        for (; i < n; i++) {
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
        int i = 0;
        for (int end = FLOATS.loopBound(n); i < end; i += FLOATS.length()) {
            IntVector bits = plane(bytes, i, 0);
            for (int k = 1; k < 4; k++) {
                bits = bits.or(plane(bytes, k * n + i, 8 * k));
            }
            bits.reinterpretAsFloats().intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Float.intBitsToFloat((bytes[i] & 0xFF) | (bytes[n + i] & 0xFF) << 8
                    | (bytes[2 * n + i] & 0xFF) << 16 | bytes[3 * n + i] << 24);
        }
    }

    /** The bytes at {@code from} widened to lanes (without their sign) and moved up by {@code shift} bits. */
    private static IntVector plane(byte[] bytes, int from, int shift) {
        IntVector v = (IntVector) ByteVector.fromArray(BYTES, bytes, from).convertShape(VectorOperators.B2I, INTS, 0);
        return v.and(0xFF).lanewise(VectorOperators.LSHL, shift);
    }
}
