package org.sicube.datasets.formats.jeol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Reads a JEOL {@code .pts} event stream as a spectrum image {@code (height/bin, width/bin,
 * channels)}: X-ray events of the chosen frames are summed per pixel, with spatial binning
 * {@code bin} and energy binning {@code ebin}; events beyond the kept channels are dropped. The
 * cube is never built: a tile decodes only the stream segments of its rows (found in the
 * {@link PtsIndex}). Energy axis in keV: offset {@code CoefB - CoefA * DigZ}, scale {@code CoefA * ebin}
 * (as HyperSpy). By default all complete frames are summed (an interrupted last frame is left out,
 * as HyperSpy does); a stream with no complete frame is read whole.
 */
public final class PtsReader implements SpectrumImageReader {
    private final InputFile file;
    private final PtsHeader h;
    private final PtsOptions opt;
    private final PtsIndex index;
    private final int[] frames;
    private final SpectrumImage header;

    PtsReader(InputFile file, ReaderOptions options) throws IOException {
        this.file = file;
        this.h = PtsHeader.read(file);
        this.opt = PtsOptions.of(options, h, file.location());
        this.index = PtsIndex.build(file, h, opt.bin());
        this.frames = opt.frameRange(index.frames(), index.completeFrames(), file.location());
        EnergyAxis axis = new EnergyAxis(h.coefB() - h.coefA() * h.digZ(), h.coefA() * opt.ebin(), "keV", opt.channels());
        int nx = h.width() / opt.bin();
        String signal = h.beamKv() <= 30 ? "EDS_SEM" : "EDS_TEM";
        this.header = new SpectrumImage(h.height() / opt.bin(), nx, axis, h.fieldOfViewUm() / nx, "µm", signal,
                h.beamKv(), h.liveTimeS(), h.realTimeS(), List.of(), h.detector(), file.location(), "pts", "",
                "uint32", Double.NaN);
    }

    @Override
    public SpectrumImage header() {
        return header;
    }

    /** Number of frames (sweeps) in the event stream, complete or not. */
    public int frameCount() {
        return index.frames();
    }

    /** The first and last frame summed into the counts. */
    public int[] framesRead() {
        return frames.clone();
    }

    @Override
    public PixelBlock readBlock(int y0, int x0, int height, int width) throws IOException {
        if (y0 < 0 || x0 < 0 || height <= 0 || width <= 0 || y0 + height > header.ny() || x0 + width > header.nx()) {
            throw new IllegalArgumentException("block (" + y0 + ", " + x0 + ") " + height + "x" + width
                    + " is outside the " + header.ny() + "x" + header.nx() + " image");
        }
        PixelBlock b = PixelBlock.empty(y0, x0, height, width, opt.channels());
        byte[] buf = new byte[0];
        for (int f = frames[0]; f <= frames[1]; f++) {
            long from = index.rowStart(f, y0);
            long to = index.rowStart(f, y0 + height);
            long need = Math.min(to - from, PtsEvents.CHUNK_WORDS) * 2;
            if (buf.length < need) {
                buf = new byte[(int) need];
            }
            decode(b, from, to, index.xAt(f, y0), buf);
        }
        return b;
    }

    /** Adds the X-ray events of words {@code [from, to)} that fall inside the block. */
    private void decode(PixelBlock b, long from, long to, int x, byte[] buf) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        short[] words = new short[buf.length / 2];
        int colNorm = 4096 / h.width();
        int rowNorm = 4096 / h.height();
        int bin = opt.bin();
        int ebin = opt.ebin();
        int channels = opt.channels();
        int row = 0;
        int col = x / colNorm < h.width() ? x / colNorm / bin : -1;
        float[] counts = b.counts();
        for (long at = from; at < to; at += buf.length / 2) {
            int n = (int) Math.min(buf.length / 2, to - at);
            file.readFully(h.dataOffset() + at * 2, buf, 0, n * 2);
            bb.asShortBuffer().get(words, 0, n);
            for (int i = 0; i < n; i++) {
                int w = words[i] & 0xffff;
                int v = w & 0x0FFF;
                switch (w & 0xF000) {
                    case PtsEvents.X -> col = v / colNorm < h.width() ? v / colNorm / bin : -1;
                    case PtsEvents.Y -> row = v / rowNorm < h.height() ? v / rowNorm / bin : -1;
                    case PtsEvents.XRAY -> {
                        int y = row - b.y0();
                        int c = col - b.x0();
                        int e = v / ebin;
                        if (y >= 0 && y < b.height() && c >= 0 && c < b.width() && e < channels && row >= 0 && col >= 0) {
                            counts[(y * b.width() + c) * channels + e] += 1;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        // Every read opens and closes its own channel through InputFile; nothing is held open.
    }
}
