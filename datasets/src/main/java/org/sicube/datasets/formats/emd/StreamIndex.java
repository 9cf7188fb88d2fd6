package org.sicube.datasets.formats.emd;

import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * Where each scan row of each frame starts in a spectrum stream, built by one sequential scan at
 * open: {@code rowStart[f * ny + y]} is the stream position of the first value of row {@code y}
 * of frame {@code f}, and {@code rowStart[frames * ny]} the end of the data that belongs to a
 * frame ({@code frames · ny + 1} longs). Pixels follow in raster order, each ended by a flyback
 * marker, frame after frame. The last pixel of an acquisition may lack its marker, and a stopped
 * acquisition leaves its last frame incomplete; values after the marker that ends the last stated
 * frame (the start of a frame that was never finished) are not part of any frame. The scan also
 * checks every value against the channel count and counts the X-rays in each frame.
 */
final class StreamIndex {
    /** Largest index accepted (rows), 256 MiB of longs; more means a corrupted or absurd stream. */
    static final long MAX_ROWS = 32L << 20;

    private final long[] rowStart;
    private final long[] countsPerFrame;
    private final int frames;
    private final int ny;

    private StreamIndex(long[] rowStart, long[] countsPerFrame, int frames, int ny) {
        this.rowStart = rowStart;
        this.countsPerFrame = countsPerFrame;
        this.frames = frames;
        this.ny = ny;
    }

    /**
     * Scans {@code stream} for a {@code ny × nx} scan of {@code channels} channels.
     * {@code statedFrames} is the frame count the file's settings give, or 0 when unknown (then
     * every frame the markers start counts).
     */
    static StreamIndex build(EmdHdf hdf, StreamData stream, int ny, int nx, int channels, long statedFrames) {
        long pixelsPerFrame = (long) ny * nx;
        long maxMarkers = statedFrames > 0 ? statedFrames * pixelsPerFrame : Long.MAX_VALUE;
        long[] rows = new long[Math.max(16, Math.min(ny + 1, 1 << 16))];
        long[] perFrame = new long[4];
        int nRows = 1;
        long markers = 0;
        long dataEnd = stream.length();
        long len = stream.length();
        for (long pos = 0; pos < len; pos += StreamData.PIECE) {
            int n = (int) Math.min(StreamData.PIECE, len - pos);
            ShortBuffer piece = stream.read(pos, n);
            for (int i = 0; i < n; i++) {
                int v = piece.get(i) & 0xFFFF;
                if (v != StreamData.FLYBACK) {
                    if (v >= channels) {
                        throw hdf.invalid(stream.path(), "stream position " + (pos + i) + " holds channel " + v
                                + " but the spectra have " + channels + " channels (bincount)");
                    }
                    if (markers == maxMarkers) {
                        continue; // the start of a frame that was never finished
                    }
                    int f = (int) (markers / pixelsPerFrame);
                    if (f >= perFrame.length) {
                        perFrame = Arrays.copyOf(perFrame, Math.max(f + 1, perFrame.length * 2));
                    }
                    perFrame[f]++;
                    continue;
                }
                if (markers == maxMarkers) {
                    throw hdf.invalid(stream.path(), "stream position " + (pos + i) + " holds a pixel marker beyond the "
                            + statedFrames + " stated frames of " + ny + " × " + nx
                            + " pixels; the markers do not match the scan size");
                }
                markers++;
                if (markers % nx == 0) {
                    if (nRows == rows.length) {
                        if (nRows >= MAX_ROWS) {
                            throw hdf.invalid(stream.path(), "stream has more than " + MAX_ROWS
                                    + " scan rows of " + nx + " pixels; the file is corrupted or the scan size is wrong");
                        }
                        rows = Arrays.copyOf(rows, (int) Math.min(MAX_ROWS + 1, (long) rows.length * 2));
                    }
                    rows[nRows++] = pos + i + 1;
                }
                if (markers == maxMarkers) {
                    dataEnd = pos + i + 1;
                }
            }
        }
        long frames = statedFrames > 0 ? statedFrames : Math.max(1, (markers + pixelsPerFrame - 1) / pixelsPerFrame);
        if (statedFrames > 0 && markers < (statedFrames - 1) * pixelsPerFrame) {
            throw hdf.invalid(stream.path(), "stream has " + markers + " pixel markers, fewer than the "
                    + (statedFrames - 1) + " complete frames of " + ny + " × " + nx + " pixels that the "
                    + statedFrames + " stated frames need; the stream or the scan size is wrong");
        }
        if (frames * ny + 1 > MAX_ROWS) {
            throw hdf.invalid(stream.path(), frames + " frames of " + ny + " rows exceed the reader's index limit");
        }
        long[] rowStart = new long[(int) (frames * ny + 1)];
        System.arraycopy(rows, 0, rowStart, 0, nRows);
        Arrays.fill(rowStart, nRows, rowStart.length, dataEnd);
        long[] counts = Arrays.copyOf(perFrame, (int) frames);
        return new StreamIndex(rowStart, counts, (int) frames, ny);
    }

    int frames() {
        return frames;
    }

    /** Stream position where row {@code y} of frame {@code f} starts ({@code y == ny} gives the frame's end). */
    long rowStart(int frame, int y) {
        return rowStart[frame * ny + y];
    }

    /** X-ray counts in frames {@code [first, last]}. */
    long counts(int first, int last) {
        long s = 0;
        for (int f = first; f <= last; f++) {
            s += countsPerFrame[f];
        }
        return s;
    }
}
