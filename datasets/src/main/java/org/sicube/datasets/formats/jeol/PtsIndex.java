package org.sicube.datasets.formats.jeol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Where each frame and each (binned) pixel row of a frame starts in a {@code .pts} event stream,
 * found by one sequential scan at open: for frame f and output row r, {@code rowStart(f, r)} is the
 * word index of the first y word of that row (row 0: the frame start; row {@code rows}: the frame
 * end) and {@code xAt(f, r)} the x coordinate in effect there, so that decoding any row range from
 * its start gives exactly what a decode of the whole frame gives. O(frames · rows) memory.
 */
final class PtsIndex {
    /** Bound on index entries (frames × rows), about 48 MB. */
    static final long MAX_ENTRIES = 4_000_000L;

    private final List<long[]> rowStarts = new ArrayList<>();
    private final List<short[]> xStates = new ArrayList<>();
    private final int rows;
    private boolean lastComplete;

    private PtsIndex(int rows) {
        this.rows = rows;
    }

    int frames() {
        return rowStarts.size();
    }

    /** Frames ended by the next frame's start are complete; the last one only if its scan reached the last row. */
    int completeFrames() {
        return lastComplete ? frames() : frames() - 1;
    }

    long rowStart(int frame, int row) {
        return rowStarts.get(frame)[row];
    }

    int xAt(int frame, int row) {
        return xStates.get(frame)[row];
    }

    /** Scans the stream of {@code h} once; {@code bin} pixels make one output row. */
    static PtsIndex build(InputFile file, PtsHeader h, int bin) throws IOException {
        int rows = h.height() / bin;
        int rawNorm = 4096 / h.height();
        PtsIndex idx = new PtsIndex(rows);
        long words = h.dataLength() / 2;
        byte[] buf = new byte[(int) Math.min(words, PtsEvents.CHUNK_WORDS) * 2];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        long[] starts = idx.newFrame(0, file);
        short[] xs = idx.xStates.get(0);
        int filled = 0;
        int prevY = -1;
        int x = 0;
        boolean sawImage = false;
        int lastX = -1;
        for (long at = 0; at < words; at += buf.length / 2) {
            int n = (int) Math.min(buf.length / 2, words - at);
            file.readFully(h.dataOffset() + at * 2, buf, 0, n * 2);
            for (int i = 0; i < n; i++) {
                int w = bb.getShort(2 * i) & 0xffff;
                int kind = PtsEvents.kind(w);
                if (kind == PtsEvents.X) {
                    x = PtsEvents.value(w);
                    lastX = x;
                } else if (kind == PtsEvents.IMAGE) {
                    sawImage = true;
                } else if (kind == PtsEvents.Y) {
                    int y = PtsEvents.value(w);
                    if (y < prevY) {
                        fill(starts, filled + 1, rows, at + i);
                        starts = idx.newFrame(at + i, file);
                        xs = idx.xStates.get(idx.frames() - 1);
                        filled = 0;
                        x = 0;
                        sawImage = false;
                        lastX = -1;
                    }
                    prevY = y;
                    int row = y / rawNorm;
                    int out = row >= h.height() ? rows : row / bin;
                    for (int r = filled + 1; r <= Math.min(out, rows); r++) {
                        starts[r] = at + i;
                        xs[r] = (short) x;
                    }
                    filled = Math.max(filled, Math.min(out, rows));
                }
            }
        }
        fill(starts, filled + 1, rows, words);
        int lastRow = prevY < 0 ? -1 : prevY / rawNorm;
        boolean reachedEnd = lastRow == h.height() - 1;
        idx.lastComplete = reachedEnd && (!sawImage || lastX / (4096 / h.width()) >= h.width() - 1);
        return idx;
    }

    private long[] newFrame(long start, InputFile file) {
        if ((long) (frames() + 1) * (rows + 1) > MAX_ENTRIES) {
            throw new InvalidInputException(file.location() + ": the event stream holds more than " + frames()
                    + " frames of " + rows + " rows, too many to index; this is not a plausible acquisition");
        }
        long[] s = new long[rows + 1];
        s[0] = start;
        rowStarts.add(s);
        xStates.add(new short[rows + 1]);
        return s;
    }

    private static void fill(long[] starts, int from, int rows, long value) {
        for (int r = from; r <= rows; r++) {
            starts[r] = value;
        }
    }
}
