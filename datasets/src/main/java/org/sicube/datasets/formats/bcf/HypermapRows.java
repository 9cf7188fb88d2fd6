package org.sicube.datasets.formats.bcf;

import java.io.IOException;

/**
 * The pixel stream {@code EDSDatabase/SpectrumDataN} of a Bruker hypermap and its row index. The
 * stream starts with the map height and width (int32 each); from byte 0x1A0 come the rows in order,
 * each a pixel count (uint32) followed by that many {@link PixelRecord}s (only pixels with counts are
 * stored). One scan at open records where each row starts ({@code height + 1} longs), so a block
 * decodes only its own rows.
 */
final class HypermapRows {
    static final int FIRST_ROW = 0x1A0;
    /** Larger than any map an Esprit system acquires; bounds the index before it is allocated. */
    static final int MAX_SIDE = 1 << 16;

    private final StreamCursor cursor;
    private final int height;
    private final int width;
    private final long[] rowStart;
    private final PixelRecord pixel = new PixelRecord();

    private HypermapRows(StreamCursor cursor, int height, int width, long[] rowStart) {
        this.cursor = cursor;
        this.height = height;
        this.width = width;
        this.rowStart = rowStart;
    }

    /**
     * Reads the stream header, checks it against the map size of the XML header (when that is known,
     * i.e. positive) and scans every row once, checking each pixel header.
     */
    static HypermapRows scan(StreamCursor c, int expectedHeight, int expectedWidth) throws IOException {
        if (c.length() < FIRST_ROW) {
            throw c.corruptAt(0, "pixel stream of " + c.length() + " bytes is shorter than its "
                    + FIRST_ROW + "-byte header");
        }
        c.seek(0);
        int height = c.s32();
        int width = c.s32();
        if (height < 1 || width < 1 || height > MAX_SIDE || width > MAX_SIDE
                || FIRST_ROW + 4L * height > c.length()) {
            throw c.corruptAt(0, "map size " + height + " x " + width + " pixels is impossible for a "
                    + c.length() + "-byte stream");
        }
        if (expectedWidth > 0 && (expectedHeight != height || expectedWidth != width)) {
            throw c.corruptAt(0, "the XML header says " + expectedHeight + " x " + expectedWidth
                    + " pixels but the pixel stream says " + height + " x " + width);
        }
        long[] starts = new long[height + 1];
        HypermapRows rows = new HypermapRows(c, height, width, starts);
        c.seek(FIRST_ROW);
        for (int y = 0; y < height; y++) {
            starts[y] = c.position();
            long n = rows.pixelsInRow(y);
            for (long i = 0; i < n; i++) {
                rows.pixel.readHeader(c);
                rows.checkX(y);
                rows.pixel.skipBody(c);
            }
        }
        starts[height] = c.position();
        return rows;
    }

    /**
     * Adds the spectra of raw row {@code y} whose {@code x / downsample} lies in
     * {@code [bx0, bx0 + bw)} to {@code dst}: pixel {@code x} goes to
     * {@code dst[base + (x / downsample - bx0) * channels ...]}; channels at or above {@code channels}
     * are dropped.
     */
    void addRow(int y, int downsample, int bx0, int bw, float[] dst, int base, int channels) throws IOException {
        cursor.seek(rowStart[y]);
        long n = pixelsInRow(y);
        for (long i = 0; i < n; i++) {
            pixel.readHeader(cursor);
            checkX(y);
            int bx = pixel.x / downsample - bx0;
            if (bx >= 0 && bx < bw) {
                pixel.addBody(cursor, dst, base + bx * channels, channels);
            } else {
                pixel.skipBody(cursor);
            }
        }
    }

    private long pixelsInRow(int y) throws IOException {
        long at = cursor.position();
        long n = cursor.u32();
        if (n > width) {
            throw cursor.corruptAt(at, "row " + y + " claims " + n + " pixels, more than the map width " + width);
        }
        return n;
    }

    private void checkX(int y) {
        if (pixel.x >= width) {
            throw cursor.corrupt("pixel x = " + pixel.x + " in row " + y + " is outside the map width " + width);
        }
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    /** Bytes of the pixel stream (decompressed), for throughput figures. */
    long streamBytes() {
        return rowStart[height];
    }
}
