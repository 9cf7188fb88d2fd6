package org.sicube.datasets.formats.emd;

import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.ByteBuffer;

/**
 * Converts raw HDF5 values (integers of 1, 2, 4 or 8 bytes, signed or not, or IEEE floats of 4 or
 * 8 bytes, in the buffer's byte order) to float32 counts; one tight loop per type.
 */
enum NumericDecoder {
    U8, I8, U16, I16, U32, I32, I64, F32, F64;

    /** The decoder for {@code t}, or null when the type is not a plain number. */
    static NumericDecoder of(DataType t) {
        if (t instanceof FixedPoint f) {
            return switch (f.getSize()) {
                case 1 -> f.isSigned() ? I8 : U8;
                case 2 -> f.isSigned() ? I16 : U16;
                case 4 -> f.isSigned() ? I32 : U32;
                case 8 -> I64;
                default -> null;
            };
        }
        if (t instanceof FloatingPoint f) {
            return f.getSize() == 4 ? F32 : f.getSize() == 8 ? F64 : null;
        }
        return null;
    }

    /** Writes {@code n} values from the start of {@code b} to {@code dst[off..off+n)}. */
    void decode(ByteBuffer b, float[] dst, int off, int n) {
        switch (this) {
            case U8 -> { for (int i = 0; i < n; i++) { dst[off + i] = b.get(i) & 0xFF; } }
            case I8 -> { for (int i = 0; i < n; i++) { dst[off + i] = b.get(i); } }
            case U16 -> { for (int i = 0; i < n; i++) { dst[off + i] = b.getShort(2 * i) & 0xFFFF; } }
            case I16 -> { for (int i = 0; i < n; i++) { dst[off + i] = b.getShort(2 * i); } }
            case U32 -> { for (int i = 0; i < n; i++) { dst[off + i] = b.getInt(4 * i) & 0xFFFFFFFFL; } }
            case I32 -> { for (int i = 0; i < n; i++) { dst[off + i] = b.getInt(4 * i); } }
            case I64 -> { for (int i = 0; i < n; i++) { dst[off + i] = b.getLong(8 * i); } }
            case F32 -> { for (int i = 0; i < n; i++) { dst[off + i] = b.getFloat(4 * i); } }
            case F64 -> { for (int i = 0; i < n; i++) { dst[off + i] = (float) b.getDouble(8 * i); } }
            default -> throw new IllegalStateException(name());
        }
    }
}
