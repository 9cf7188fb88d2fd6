package org.sicube.datasets.writers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a 2-D NumPy {@code .npy} array (format 1.0, C order) row by row to a stream, so a map of
 * any size needs one row of memory. Element types: {@code |u1} (labels) and {@code <f4}.
 */
public final class NpyWriter implements AutoCloseable {
    private final OutputStream out;
    private final String descr;
    private final int rows;
    private final int columns;
    private final ByteBuffer row;
    private int written;

    private NpyWriter(OutputStream out, String descr, int itemSize, int rows, int columns) throws IOException {
        this.out = out;
        this.descr = descr;
        this.rows = rows;
        this.columns = columns;
        this.row = ByteBuffer.allocate(itemSize * columns).order(ByteOrder.LITTLE_ENDIAN);
        writeHeader();
    }

    public static NpyWriter uint8(OutputStream out, int rows, int columns) throws IOException {
        return new NpyWriter(out, "|u1", 1, rows, columns);
    }

    public static NpyWriter float32(OutputStream out, int rows, int columns) throws IOException {
        return new NpyWriter(out, "<f4", 4, rows, columns);
    }

    private void writeHeader() throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        pre.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        pre.putShort((short) header.length());
        out.write(pre.array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    public void writeRow(byte[] values) throws IOException {
        checkRow(values.length);
        out.write(values);
    }

    public void writeRow(float[] values) throws IOException {
        checkRow(values.length);
        row.clear();
        row.asFloatBuffer().put(values);
        out.write(row.array());
    }

    private void checkRow(int length) {
        if (length != columns || written >= rows) {
            throw new IllegalStateException("row " + written + " of " + rows + " must hold " + columns + " values");
        }
        written++;
    }

    @Override
    public void close() throws IOException {
        out.close();
        if (written != rows) {
            throw new IllegalStateException("npy closed after " + written + " of " + rows + " rows");
        }
    }
}
