package org.sicube.datasets.formats.emd;

import java.nio.ShortBuffer;

/**
 * Adds the X-rays of one frame's rows of a spectrum stream to a tile: for each row it reads from
 * the row's indexed start in bounded hyperslab pieces and stops as soon as the tile's last column
 * is passed, so a tile costs its rows' values up to its right edge, not the whole stream.
 */
final class StreamDecoder {
    private final EmdHdf hdf;
    private final StreamData stream;
    private final StreamIndex index;
    private final int channels;
    private final int nx;

    StreamDecoder(EmdHdf hdf, StreamData stream, StreamIndex index, int nx, int channels) {
        this.nx = nx;
        this.hdf = hdf;
        this.stream = stream;
        this.index = index;
        this.channels = channels;
    }

    /**
     * Adds frame {@code frame}'s counts for pixels {@code [y0, y0+h) × [x0, x0+w)} to
     * {@code counts} (the tile's row-major layout, energy fastest).
     */
    void addFrame(int frame, int y0, int x0, int h, int w, float[] counts) {
        for (int y = y0; y < y0 + h; y++) {
            long start = index.rowStart(frame, y);
            long end = index.rowStart(frame, y + 1);
            addRow(start, end, (y - y0) * w, x0, w, counts);
        }
    }

    private void addRow(long start, long end, int firstPixel, int x0, int w, float[] counts) {
        int x = 0;
        int stop = x0 + w;
        // first guess at how much of the row reaches the tile's right edge, grown if it was too little
        long guess = Math.max(4096, (end - start) / nx * stop + 64);
        long pos = start;
        while (pos < end && x < stop) {
            int n = (int) Math.min(Math.min(guess, StreamData.PIECE), end - pos);
            ShortBuffer piece = stream.read(pos, n);
            for (int i = 0; i < n; i++) {
                int v = piece.get(i) & 0xFFFF;
                if (v == StreamData.FLYBACK) {
                    if (++x >= stop) {
                        break;
                    }
                } else if (x >= x0) {
                    if (v >= channels) {
                        throw hdf.invalid(stream.path(), "stream position " + (pos + i) + " holds channel " + v
                                + " but the spectra have " + channels + " channels; the file changed or is corrupted");
                    }
                    counts[(firstPixel + x - x0) * channels + v] += 1f;
                }
            }
            pos += n;
            guess *= 2;
        }
    }
}
