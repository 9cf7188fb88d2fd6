package org.sicube.datasets.formats.bcf;

import java.io.IOException;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Buffered little-endian reading of a {@link ByteSource} at a movable position. Every read is
 * checked against the source's length, so corrupted sizes fail with a message naming the file,
 * the virtual file and the offset instead of running past the data.
 */
final class StreamCursor {
    private static final int WINDOW = 1 << 18;

    private final ByteSource source;
    private final String location;
    private byte[] buf = new byte[0];
    private long bufStart;
    private int bufLen;
    private int p;

    StreamCursor(ByteSource source, String location) {
        this.source = source;
        this.location = location;
    }

    long position() {
        return bufStart + p;
    }

    long length() {
        return source.length();
    }

    void seek(long position) {
        if (position >= bufStart && position <= bufStart + bufLen) {
            p = (int) (position - bufStart);
        } else {
            bufStart = position;
            bufLen = 0;
            p = 0;
        }
    }

    /**
     * Makes {@code n} bytes available at {@link #buffer()}{@code [index()..]} without consuming them;
     * fails when the stream ends first.
     */
    void require(int n) throws IOException {
        if (bufLen - p >= n) {
            return;
        }
        long pos = position();
        long remaining = source.length() - pos;
        if (n < 0 || n > remaining) {
            throw corrupt("needs " + n + " more bytes but the stream ends at " + source.length()
                    + "; the data are truncated or a size field is corrupted");
        }
        int want = (int) Math.min(remaining, Math.max(n, WINDOW));
        if (buf.length < want) {
            buf = new byte[want];
        }
        source.read(pos, buf, 0, want);
        bufStart = pos;
        bufLen = want;
        p = 0;
    }

    byte[] buffer() {
        return buf;
    }

    int index() {
        return p;
    }

    void skip(long n) throws IOException {
        if (n < 0 || n > source.length() - position()) {
            throw corrupt("cannot skip " + n + " bytes: the stream ends at " + source.length());
        }
        seek(position() + n);
    }

    int u8() throws IOException {
        require(1);
        return buf[p++] & 0xFF;
    }

    int u16() throws IOException {
        require(2);
        int v = (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8;
        p += 2;
        return v;
    }

    long u32() throws IOException {
        require(4);
        long v = Integer.toUnsignedLong(int32(buf, p));
        p += 4;
        return v;
    }

    int s32() throws IOException {
        require(4);
        int v = int32(buf, p);
        p += 4;
        return v;
    }

    static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    /** An error naming the file, the virtual file and the current offset in it. */
    InvalidInputException corrupt(String what) {
        return corruptAt(position(), what);
    }

    InvalidInputException corruptAt(long offset, String what) {
        return new InvalidInputException(location + ": " + source.name() + " offset " + offset + ": " + what);
    }
}
