package org.sicube.datasets.formats.bcf;

import java.io.IOException;

/**
 * One pixel of the Bruker hypermap stream: a 22-byte header (x uint32, channels of the map uint16,
 * channels of this pixel uint16, 4 unknown bytes, packing flag uint16, a size uint16, pulse count
 * uint16, data size uint32) and its data. Packings (flag): 0 = a list of pulses as 16-bit channel
 * indices; 1 = a list of pulses as 12-bit channel indices (4 pulses in 6 bytes); &gt;1 = an
 * "instructively packed" spectrum ({@link #addInstructed}) whose last 4 data bytes give the size of
 * an optional list of additional 16-bit pulses that follows. Layout as read by the RosettaSciIO
 * bruker reader ({@code unbcf_fast.pyx}). Reused for every pixel; not thread-safe.
 */
final class PixelRecord {
    static final int HEADER = 22;
    /** A pixel holds at most 65535 channels of at most 4-byte values plus bunch headers: about 1 MiB. */
    static final int MAX_DATA = 4 << 20;

    int x;
    private int flag;
    private int pulses;
    private long dataSize;

    /** Reads the pixel header at the cursor. */
    void readHeader(StreamCursor c) throws IOException {
        long start = c.position();
        c.require(HEADER);
        byte[] b = c.buffer();
        int i = c.index();
        long px = Integer.toUnsignedLong(StreamCursor.int32(b, i));
        flag = u16(b, i + 12);
        pulses = u16(b, i + 16);
        dataSize = Integer.toUnsignedLong(StreamCursor.int32(b, i + 18));
        c.skip(HEADER);
        if (px > Integer.MAX_VALUE) {
            throw c.corruptAt(start, "pixel x index " + px + " is impossible");
        }
        x = (int) px;
        if (dataSize > MAX_DATA) {
            throw c.corruptAt(start, "pixel record claims " + dataSize + " bytes of data, more than the "
                    + MAX_DATA + " any pixel can hold");
        }
        if (flag > 1 && dataSize < 4) {
            throw c.corruptAt(start, "instructively packed pixel claims " + dataSize + " bytes, fewer than 4");
        }
    }

    /** Skips the data of the pixel whose header was just read. */
    void skipBody(StreamCursor c) throws IOException {
        c.skip(dataSize);
        if (flag > 1 && pulses > 0) {
            c.skip(additionalPulseBytes(c));
        }
    }

    /** Adds the counts of the pixel whose header was just read to {@code dst[base .. base + channels)}. */
    void addBody(StreamCursor c, float[] dst, int base, int channels) throws IOException {
        long start = c.position();
        c.require((int) dataSize);
        byte[] b = c.buffer();
        int i = c.index();
        if (flag == 0) {
            if (2L * pulses > dataSize) {
                throw c.corruptAt(start, pulses + " 16-bit pulses do not fit in " + dataSize + " bytes");
            }
            for (int k = 0; k < pulses; k++) {
                int ch = u16(b, i + 2 * k);
                if (ch < channels) {
                    dst[base + ch] += 1;
                }
            }
        } else if (flag == 1) {
            add12bit(c, b, i, start, dst, base, channels);
        } else {
            addInstructed(c, b, i, (int) dataSize - 4, start, dst, base, channels);
        }
        c.skip(dataSize);
        if (flag > 1 && pulses > 0) {
            int n = additionalPulseBytes(c);
            c.require(n);
            b = c.buffer();
            i = c.index();
            for (int k = 0; k < pulses; k++) {
                int ch = u16(b, i + 2 * k);
                if (ch < channels) {
                    dst[base + ch] += 1;
                }
            }
            c.skip(n);
        }
    }

    /** Size of the additional pulse list, stored in the last 4 bytes of the instructive data. */
    private int additionalPulseBytes(StreamCursor c) throws IOException {
        long at = c.position() - 4;
        c.seek(at);
        long n = c.u32();
        if (n != 2L * pulses) {
            throw c.corruptAt(at, "additional pulse list claims " + n + " bytes for " + pulses + " 16-bit pulses");
        }
        return (int) n;
    }

    /** 12-bit pulse list: each 6-byte group holds 4 channel indices in swapped nibble order. */
    private void add12bit(StreamCursor c, byte[] b, int i, long start, float[] dst, int base, int channels) {
        long need = 6L * (pulses / 4) + 2L * (pulses % 4);
        if (need > dataSize) {
            throw c.corruptAt(start, pulses + " 12-bit pulses do not fit in " + dataSize + " bytes");
        }
        for (int k = 0; k < pulses; k++) {
            int g = i + 6 * (k >> 2);
            int ch = switch (k & 3) {
                case 0 -> (b[g] & 0xFF) >> 4 | (b[g + 1] & 0xFF) << 4;
                case 1 -> (b[g] & 0x0F) << 8 | (b[g + 3] & 0xFF);
                case 2 -> (b[g + 2] & 0xFF) << 4 | (b[g + 5] & 0xFF) >> 4;
                default -> (b[g + 5] & 0x0F) << 8 | (b[g + 4] & 0xFF);
            };
            if (ch < channels) {
                dst[base + ch] += 1;
            }
        }
    }

    /**
     * Instructive packing: a sequence of bunches, each a 2-byte head (value size code, channel
     * count) then, unless the size code is 0 (a run of empty channels), a gain of {@code size} bytes
     * and {@code count} values of {@code size / 2} bytes (size 1: 4-bit nibbles, low nibble first);
     * each channel's count is value + gain.
     */
    private static void addInstructed(StreamCursor c, byte[] b, int from, int len, long start, float[] dst,
                                      int base, int channels) {
        int p = from;
        int end = from + len;
        int ch = 0;
        while (p < end) {
            if (p + 2 > end) {
                throw c.corruptAt(start + p - from, "instructive bunch head runs past the pixel data");
            }
            int size = b[p] & 0xFF;
            int count = b[p + 1] & 0xFF;
            p += 2;
            if (size == 0) {
                ch += count;
                continue;
            }
            if (size != 1 && size != 2 && size != 4 && size != 8) {
                throw c.corruptAt(start + p - 2 - from, "instructive bunch has value size code " + size
                        + "; known codes are 0, 1, 2, 4, 8");
            }
            int valuesLen = size == 1 ? (count + 1) / 2 : count * size / 2;
            if (p + size + valuesLen > end) {
                throw c.corruptAt(start + p - 2 - from, "instructive bunch of " + count
                        + " channels runs past the pixel data");
            }
            long gain = littleEndian(b, p, size);
            if (gain < 0) {
                throw c.corruptAt(start + p - from, "instructive bunch gain is negative");
            }
            p += size;
            int n = Math.min(count, Math.max(0, channels - ch));
            for (int k = 0; k < n; k++) {
                long v = switch (size) {
                    case 1 -> (b[p + (k >> 1)] >> ((k & 1) << 2)) & 0x0F;
                    case 2 -> b[p + k] & 0xFF;
                    case 4 -> u16(b, p + 2 * k);
                    default -> Integer.toUnsignedLong(StreamCursor.int32(b, p + 4 * k));
                };
                dst[base + ch + k] += v + gain;
            }
            p += valuesLen;
            ch += count;
        }
    }

    private static long littleEndian(byte[] b, int p, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = v << 8 | (b[p + k] & 0xFF);
        }
        return v;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }
}
