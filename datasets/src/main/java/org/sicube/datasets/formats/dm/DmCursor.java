package org.sicube.datasets.formats.dm;

import java.io.IOException;
import java.nio.ByteOrder;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * A sequential, buffered reader over an {@link InputFile} for walking the DigitalMicrograph tag
 * tree: many small reads served from one 64 KiB window, every read checked against the file length
 * so that a lying size ends in an {@link InvalidInputException} naming the file and the offset.
 */
final class DmCursor {
    private static final int WINDOW = 64 * 1024;

    private final InputFile file;
    private final long length;
    private final byte[] buf = new byte[WINDOW];
    private long bufStart;
    private int bufLen;
    private long pos;

    DmCursor(InputFile file, long length) {
        this.file = file;
        this.length = length;
    }

    long position() {
        return pos;
    }

    long length() {
        return length;
    }

    InvalidInputException error(String what) {
        return new InvalidInputException(file.location() + ": " + what + " (at byte " + pos + ")");
    }

    /** Moves forward by {@code n} bytes, failing if that passes the end of the file. */
    void skip(long n, String what) {
        if (n < 0 || n > length - pos) {
            throw error(what + " of " + n + " bytes runs past the end of the file (" + length + " bytes)");
        }
        pos += n;
    }

    int u8() throws IOException {
        fill(1);
        return buf[(int) (pos++ - bufStart)] & 0xff;
    }

    /** An unsigned integer of {@code size} (1, 2, 4 or 8) bytes in the given byte order. */
    long uint(int size, ByteOrder order) throws IOException {
        fill(size);
        int at = (int) (pos - bufStart);
        long v = 0;
        for (int i = 0; i < size; i++) {
            int b = buf[at + (order == ByteOrder.BIG_ENDIAN ? i : size - 1 - i)] & 0xff;
            v = (v << 8) | b;
        }
        pos += size;
        return v;
    }

    byte[] bytes(int n) throws IOException {
        if (n > WINDOW) {
            throw error("a field of " + n + " bytes is larger than any tag field");
        }
        fill(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, (int) (pos - bufStart), out, 0, n);
        pos += n;
        return out;
    }

    private void fill(int n) throws IOException {
        if (n > length - pos) {
            throw error("the file ends after " + length + " bytes but " + n + " more are needed");
        }
        if (pos >= bufStart && pos + n <= bufStart + bufLen) {
            return;
        }
        bufStart = pos;
        bufLen = (int) Math.min(WINDOW, length - pos);
        file.readFully(bufStart, buf, 0, bufLen);
    }
}
