package org.sicube.datasets.writers.ripple;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Encodes one tile row of float counts into the header's sample type and byte order, in a buffer
 * reused across rows. Unsigned output requires integral values within range; anything else is an
 * error naming the pixel and channel.
 */
final class RippleEncoder {
    private final RippleHeader header;
    private final Path file;
    private ByteBuffer buffer = ByteBuffer.allocate(0);

    RippleEncoder(RippleHeader header, Path file) {
        this.header = header;
        this.file = file;
    }

    /** Encodes {@code values[from, from + n)}: pixels of row {@code y} starting at column {@code x0}. */
    ByteBuffer encode(float[] values, int from, int n, int y, int x0) {
        int bytes = n * header.type().bytes();
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes);
        }
        buffer.clear().limit(bytes);
        buffer.order(header.order());
        switch (header.type()) {
            case FLOAT32 -> buffer.asFloatBuffer().put(values, from, n);
            case UINT16 -> {
                checkUnsigned(values, from, n, y, x0);
                for (int i = 0; i < n; i++) {
                    buffer.putShort(i << 1, (short) (int) values[from + i]);
                }
            }
            case UINT32 -> {
                checkUnsigned(values, from, n, y, x0);
                for (int i = 0; i < n; i++) {
                    buffer.putInt(i << 2, (int) (long) values[from + i]);
                }
            }
        }
        return buffer;
    }

    private void checkUnsigned(float[] values, int from, int n, int y, int x0) {
        double max = header.type().max();
        for (int i = 0; i < n; i++) {
            float v = values[from + i];
            if (!(v >= 0 && v <= max && v == Math.rint(v))) {
                int e = i % header.channels();
                int x = x0 + i / header.channels();
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: pixel (y=%d, x=%d) channel %d holds %s, which %s cannot store; export as float32",
                        file, y, x, e, Float.toString(v), header.type().name().toLowerCase(Locale.ROOT)));
            }
        }
    }
}
