package org.sicube.jobs.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small NumPy {@code .npy} test inputs (format 1.0, C order, 4-byte little-endian elements). */
public final class NpyFiles {
    private NpyFiles() {
    }

    /** {@code values} in C order under {@code shape}; {@code dtype} e.g. {@code <f4}. */
    public static Path write(Path file, String dtype, int[] shape, float[] values) throws Exception {
        StringBuilder s = new StringBuilder("(");
        for (int d : shape) {
            s.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? s.toString().trim() + ")" : s.substring(0, s.length() - 2) + ")";
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int len = 10 + dict.length() + 1;
        int pad = (64 - len % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer bb = ByteBuffer.allocate(10 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        bb.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : values) {
            bb.putFloat(v);
        }
        return Files.write(file, bb.array());
    }
}
