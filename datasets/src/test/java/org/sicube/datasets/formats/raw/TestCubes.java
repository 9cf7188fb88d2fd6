package org.sicube.datasets.formats.raw;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.model.PixelBlock;

/**
 * Small synthetic cubes with a known value at every (y, x, e), encoded in any sample type, byte
 * order and axis order, and a checker that reads them back on an awkward tiling.
 */
public final class TestCubes {
    private TestCubes() {
    }

    /** The count stored at (y, x, e): small enough for int8, negative for signed types, fractional for floats. */
    public static double value(int y, int x, int e, SampleType t) {
        double v = (y * 31 + x * 7 + e * 3) % 101;
        if (t.kind() != 'u') {
            v -= 50;
        }
        if (t.kind() == 'f') {
            v += 0.25;
        }
        return v;
    }

    /** The cube's bytes as stored in {@code order}. */
    public static byte[] encode(int ny, int nx, int ch, SampleType t, ByteOrder bo, AxisOrder order) {
        ByteBuffer b = ByteBuffer.allocate(ny * nx * ch * t.bytes()).order(bo);
        long[] s = order.strides(ny, nx, ch);
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                for (int e = 0; e < ch; e++) {
                    int at = (int) ((y * s[0] + x * s[1] + e * s[2]) * t.bytes());
                    double v = value(y, x, e, t);
                    switch (t) {
                        case INT8, UINT8 -> b.put(at, (byte) v);
                        case INT16, UINT16 -> b.putShort(at, (short) v);
                        case INT32, UINT32 -> b.putInt(at, (int) v);
                        case INT64, UINT64 -> b.putLong(at, (long) v);
                        case FLOAT32 -> b.putFloat(at, (float) v);
                        case FLOAT64 -> b.putDouble(at, v);
                        default -> throw new IllegalStateException();
                    }
                }
            }
        }
        return b.array();
    }

    /**
     * Reads the whole image in {@code bh × bw} tiles (edge tiles clipped) and checks every value;
     * returns how many values were checked.
     */
    public static long checkAllTiles(SpectrumImageReader r, SampleType t, int bh, int bw) throws java.io.IOException {
        int ny = r.header().ny();
        int nx = r.header().nx();
        int ch = r.header().channels();
        long checked = 0;
        for (int y0 = 0; y0 < ny; y0 += bh) {
            for (int x0 = 0; x0 < nx; x0 += bw) {
                PixelBlock b = r.readBlock(y0, x0, Math.min(bh, ny - y0), Math.min(bw, nx - x0));
                for (int y = y0; y < y0 + b.height(); y++) {
                    for (int x = x0; x < x0 + b.width(); x++) {
                        for (int e = 0; e < ch; e++) {
                            float got = b.counts()[b.offsetOf(y, x) + e];
                            if (got != (float) value(y, x, e, t)) {
                                throw new AssertionError("at (" + y + ", " + x + ", " + e + "): expected "
                                        + value(y, x, e, t) + ", got " + got);
                            }
                            checked++;
                        }
                    }
                }
            }
        }
        return checked;
    }
}
