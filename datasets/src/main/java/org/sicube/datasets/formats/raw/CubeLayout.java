package org.sicube.datasets.formats.raw;

import java.io.IOException;
import java.nio.ByteOrder;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Where a dense {@code ny × nx × channels} cube of fixed-width numbers sits in a file: byte
 * offset of the first sample, sample type, byte order and axis order. Shared by the formats that
 * are a header plus one uncompressed array (Ripple {@code .raw}, NumPy {@code .npy}).
 */
public record CubeLayout(long dataOffset, int ny, int nx, int channels, SampleType type, ByteOrder byteOrder,
        AxisOrder order) {

    public CubeLayout {
        if (dataOffset < 0 || ny <= 0 || nx <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad cube layout: offset " + dataOffset + ", shape "
                    + ny + "x" + nx + "x" + channels);
        }
    }

    /** Bytes the cube needs from the start of the file, offset included; {@code Long.MAX_VALUE} on overflow. */
    public long requiredBytes() {
        try {
            long samples = Math.multiplyExact(Math.multiplyExact((long) ny, (long) nx), (long) channels);
            return Math.addExact(dataOffset, Math.multiplyExact(samples, (long) type.bytes()));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Fails naming {@code file} and {@code source} (what declared the shape) when the file is too short. */
    public void requireFits(InputFile file, String source) throws IOException {
        long have = file.length();
        long need = requiredBytes();
        if (have < need) {
            throw new InvalidInputException(file.location() + ": holds " + have + " bytes but " + source
                    + " (" + ny + " x " + nx + " x " + channels + " " + type.typeName() + " from byte " + dataOffset
                    + ") needs " + (need == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(need))
                    + " bytes; the file is truncated or the header is wrong");
        }
    }

    /** Strides in samples of {@code {y, x, e}}. */
    long[] strides() {
        return order.strides(ny, nx, channels);
    }
}
