package org.sicube.datasets.formats.dm;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Reads the spectrum image of a Gatan {@code .dm3}/{@code .dm4} file tile by tile. Opening parses the
 * tag tree (small tags only; the image data is located, not loaded). A tile of an energy-slowest
 * image {@code (x, y, E)} is gathered plane by plane with positioned reads of the needed x-runs,
 * several energy planes per read when they fit in {@value #READ_BYTES} bytes; an energy-fastest
 * image is read one row of spectra at a time. Memory stays within one tile plus one read buffer.
 */
public final class DmReader implements SpectrumImageReader {
    static final int READ_BYTES = 4 << 20;

    private final InputFile file;
    private final ByteOrder order;
    private final DmLayout layout;
    private final DmAcquisition acquisition;
    private final SpectrumImage header;
    private final long fileLength;
    private final int readBytes;

    DmReader(InputFile file, int image, String formatName) throws IOException {
        this(file, image, formatName, READ_BYTES);
    }

    /** {@code readBytes} bounds one positioned read (tests lower it to exercise every read path). */
    DmReader(InputFile file, int image, String formatName, int readBytes) throws IOException {
        this.file = file;
        this.readBytes = readBytes;
        this.fileLength = file.length();
        DmTagTree tree = DmTagParser.parse(file);
        this.order = tree.order();
        this.layout = DmLayout.choose(tree, image, file.location());
        this.acquisition = DmAcquisition.of(layout.image().tags());
        this.header = new SpectrumImage(layout.ny(), layout.nx(), layout.energy(), layout.pixelSize(),
                layout.pixelUnits(), acquisition.signalType(), acquisition.beamEnergyKeV(), acquisition.liveTimeS(),
                acquisition.realTimeS(), List.of(), acquisition.detector(), file.location(), formatName, "",
                layout.type().numpyName(), Double.NaN);
    }

    @Override
    public SpectrumImage header() {
        return header;
    }

    /** The acquisition tags that have no place in {@link SpectrumImage} (EELS exposure, dispersion, angles). */
    public DmAcquisition acquisition() {
        return acquisition;
    }

    @Override
    public PixelBlock readBlock(int y0, int x0, int height, int width) throws IOException {
        if (y0 < 0 || x0 < 0 || height <= 0 || width <= 0 || y0 + height > layout.ny() || x0 + width > layout.nx()) {
            throw new IllegalArgumentException("block (" + y0 + ", " + x0 + ") " + height + "x" + width
                    + " is outside the " + layout.ny() + "x" + layout.nx() + " image");
        }
        PixelBlock block = PixelBlock.empty(y0, x0, height, width, layout.channels());
        if (layout.energyFastest()) {
            readEnergyFastest(block);
        } else {
            readEnergySlowest(block);
        }
        return block;
    }

    private void readEnergyFastest(PixelBlock b) throws IOException {
        int c = layout.channels();
        int bytes = layout.type().bytes;
        long rowValues = (long) b.width() * c;
        for (int r = 0; r < b.height(); r++) {
            long first = ((long) (b.y0() + r) * layout.nx() + b.x0()) * c;
            // One row of the tile is contiguous; long rows are split so that a read stays bounded.
            long done = 0;
            while (done < rowValues) {
                int n = (int) Math.min(rowValues - done, readBytes / bytes);
                byte[] buf = read(first + done, (long) n * bytes);
                layout.type().decode(buf, 0, order, n, b.counts(), (int) (r * rowValues + done), 1);
                done += n;
            }
        }
    }

    private void readEnergySlowest(PixelBlock b) throws IOException {
        int c = layout.channels();
        int bytes = layout.type().bytes;
        long plane = (long) layout.nx() * layout.ny();
        long span = (long) (b.height() - 1) * layout.nx() + b.width();
        long spanBytes = span * bytes;
        if (spanBytes > readBytes) {
            readRunByRun(b);
            return;
        }
        int planesPerRead = (int) Math.max(1, Math.min(c, (readBytes - spanBytes) / (plane * bytes) + 1));
        long start = (long) b.y0() * layout.nx() + b.x0();
        for (int e0 = 0; e0 < c; e0 += planesPerRead) {
            int k = Math.min(planesPerRead, c - e0);
            byte[] buf = read(e0 * plane + start, ((k - 1) * plane + span) * bytes);
            for (int e = 0; e < k; e++) {
                for (int r = 0; r < b.height(); r++) {
                    int from = (int) (((e * plane) + (long) r * layout.nx()) * bytes);
                    layout.type().decode(buf, from, order, b.width(), b.counts(), r * b.width() * c + e0 + e, c);
                }
            }
        }
    }

    /** Very wide images: one read per (energy, row) run of {@code width} values. */
    private void readRunByRun(PixelBlock b) throws IOException {
        int c = layout.channels();
        int bytes = layout.type().bytes;
        long plane = (long) layout.nx() * layout.ny();
        for (int e = 0; e < c; e++) {
            for (int r = 0; r < b.height(); r++) {
                long at = e * plane + (long) (b.y0() + r) * layout.nx() + b.x0();
                byte[] buf = read(at, (long) b.width() * bytes);
                layout.type().decode(buf, 0, order, b.width(), b.counts(), r * b.width() * c + e, c);
            }
        }
    }

    /** Reads {@code len} bytes starting at value index {@code valueIndex} of the image data. */
    private byte[] read(long valueIndex, long len) throws IOException {
        long at = layout.image().data().offset() + valueIndex * layout.type().bytes;
        if (at + len > fileLength) {
            throw new InvalidInputException(file.location() + ": image data needs bytes up to " + (at + len)
                    + " but the file has " + fileLength + "; the file is truncated");
        }
        return file.readRange(at, (int) len);
    }

    @Override
    public void close() {
        // Every read opens and closes its own channel through InputFile; nothing is held open.
    }
}
