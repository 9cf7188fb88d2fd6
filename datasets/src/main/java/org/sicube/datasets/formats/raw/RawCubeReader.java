package org.sicube.datasets.formats.raw;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Reads tiles of an uncompressed cube described by a {@link CubeLayout} with positioned reads.
 * Whatever the axis order, a tile is read as runs along the stored fastest axis; runs that lie
 * close together (one middle-axis sweep, at most {@value #MAX_SPAN_BYTES} bytes) are fetched with
 * one read, so an energy-slowest cube costs one read per energy plane, not one per pixel row.
 */
public final class RawCubeReader implements SpectrumImageReader {
    static final int MAX_SPAN_BYTES = 4 << 20;

    private final InputFile data;
    private final SpectrumImage header;
    private final CubeLayout layout;
    private final int maxSpanBytes;

    /** {@code layout} must already have been checked with {@link CubeLayout#requireFits}. */
    public RawCubeReader(InputFile data, SpectrumImage header, CubeLayout layout) {
        this(data, header, layout, MAX_SPAN_BYTES);
    }

    /** As above, with the largest single read of a sweep given (tests use a small one). */
    RawCubeReader(InputFile data, SpectrumImage header, CubeLayout layout, int maxSpanBytes) {
        if (header.ny() != layout.ny() || header.nx() != layout.nx() || header.channels() != layout.channels()) {
            throw new IllegalArgumentException("header and layout shapes differ");
        }
        this.data = data;
        this.header = header;
        this.layout = layout;
        this.maxSpanBytes = maxSpanBytes;
    }

    @Override
    public SpectrumImage header() {
        return header;
    }

    @Override
    public PixelBlock readBlock(int y0, int x0, int height, int width) throws IOException {
        if (y0 < 0 || x0 < 0 || height <= 0 || width <= 0 || y0 + height > layout.ny() || x0 + width > layout.nx()) {
            throw new IllegalArgumentException("block at (" + y0 + ", " + x0 + ") of " + height + "x" + width
                    + " is outside the " + layout.ny() + "x" + layout.nx() + " image");
        }
        int channels = layout.channels();
        PixelBlock block = PixelBlock.empty(y0, x0, height, width, channels);
        long[] stride = layout.strides();
        long[] start = {y0, x0, 0};
        int[] extent = {height, width, channels};
        int[] outStride = {width * channels, channels, 1};
        // Axes by stored stride: inner (stride 1), middle, outer.
        int[] ax = byStride(stride);
        int in = ax[0];
        int mid = ax[1];
        int out = ax[2];
        int bytes = layout.type().bytes();
        long spanSamples = (extent[mid] - 1) * stride[mid] + extent[in];
        boolean oneReadPerSweep = spanSamples * bytes <= maxSpanBytes;
        ByteBuffer buf = ByteBuffer.allocate((int) (oneReadPerSweep ? spanSamples * bytes : (long) extent[in] * bytes))
                .order(layout.byteOrder());
        for (int o = 0; o < extent[out]; o++) {
            long sweepStart = 0;
            for (int a = 0; a < 3; a++) {
                sweepStart += start[a] * stride[a];
            }
            sweepStart += o * stride[out];
            if (oneReadPerSweep) {
                read(sweepStart, buf);
            }
            for (int m = 0; m < extent[mid]; m++) {
                int from;
                if (oneReadPerSweep) {
                    from = (int) (m * stride[mid] * bytes);
                } else {
                    read(sweepStart + m * stride[mid], buf);
                    from = 0;
                }
                int to = o * outStride[out] + m * outStride[mid];
                layout.type().decode(buf, from, extent[in], block.counts(), to, outStride[in]);
            }
        }
        return block;
    }

    /** Indices {0 (y), 1 (x), 2 (e)} ordered by increasing stride. */
    private static int[] byStride(long[] stride) {
        int[] ax = {0, 1, 2};
        for (int i = 1; i < 3; i++) {
            for (int j = i; j > 0 && stride[ax[j]] < stride[ax[j - 1]]; j--) {
                int t = ax[j];
                ax[j] = ax[j - 1];
                ax[j - 1] = t;
            }
        }
        return ax;
    }

    private void read(long sample, ByteBuffer buf) throws IOException {
        long pos = layout.dataOffset() + sample * layout.type().bytes();
        try {
            data.readFully(pos, buf.array(), 0, buf.capacity());
        } catch (EOFException e) {
            throw new InvalidInputException(data.location() + ": truncated: " + buf.capacity()
                    + " bytes at offset " + pos + " are past the end of the file (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        // Every read opens and closes the file itself; nothing is held between blocks.
    }
}
