package org.sicube.datasets.formats.bcf;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Reads the EDS hypermap of a Bruker Esprit {@code .bcf} (SFS container, see {@link SfsContainer};
 * XML header, see {@link BcfHeaderXml}; pixel stream, see {@link HypermapRows} and
 * {@link PixelRecord}) block by block as counts (y, x, E) with E in keV. Supported: 8/12/16-bit
 * pulse lists, instructively packed spectra with 4/8/16/32-bit values and additional pulses,
 * zlib-compressed (AACS) and uncompressed containers, SFS version 2.4-2.8 layouts.
 * Options: {@code downsample=n} sums n × n pixels (edge blocks sum what exists, as HyperSpy does),
 * {@code cutoff=keV} keeps channels below that energy (or pads with empty channels above the
 * recorded range), {@code index=N} reads hypermap N of a multi-map file (default: the lowest).
 * Memory: the row index (height + 1 longs), the chunk-pointer table, one decompressed block and a
 * read window; blocks decode only their own rows. Not read: the SEM/overview images, EBSD data.
 */
public final class BcfReader implements SpectrumImageReader {
    private static final int MAX_HEADER_BYTES = 64 << 20;

    private final String location;
    private final BcfMetadata metadata;
    private final HypermapRows rows;
    private final SpectrumImage header;
    private final int downsample;

    private BcfReader(String location, BcfMetadata metadata, HypermapRows rows, SpectrumImage header, int downsample) {
        this.location = location;
        this.metadata = metadata;
        this.rows = rows;
        this.header = header;
        this.downsample = downsample;
    }

    /** Opens {@code file}: reads the container and header and scans the pixel stream once. */
    public static BcfReader open(InputFile file, ReaderOptions options) throws IOException {
        String location = file.location();
        int downsample = options.getInt("downsample", 1);
        if (downsample < 1 || downsample > HypermapRows.MAX_SIDE) {
            throw new InvalidInputException(location + ": reader option 'downsample' must be at least 1, got "
                    + downsample);
        }
        try {
            SfsContainer sfs = SfsContainer.open(file);
            int index = options.getInt("index", lowestIndex(sfs, location));
            ByteSource headerData = sfs.open("EDSDatabase/HeaderData");
            if (headerData.length() > MAX_HEADER_BYTES) {
                throw new InvalidInputException(location + ": EDSDatabase/HeaderData claims " + headerData.length()
                        + " bytes, more than the " + MAX_HEADER_BYTES + " a hypermap header can need");
            }
            byte[] xml = new byte[(int) headerData.length()];
            headerData.read(0, xml, 0, xml.length);
            BcfMetadata md = BcfHeaderXml.parse(xml, location, index);
            HypermapRows rows = HypermapRows.scan(new StreamCursor(sfs.open("EDSDatabase/SpectrumData" + index),
                    location), md.height(), md.width());
            int channels = channels(options, md, location);
            int ny = (rows.height() + downsample - 1) / downsample;
            int nx = (rows.width() + downsample - 1) / downsample;
            EnergyAxis axis = new EnergyAxis(md.offsetKeV(), md.scaleKeV(), "keV", channels);
            SpectrumImage h = new SpectrumImage(ny, nx, axis, md.pixelSizeX() * downsample, md.pixelUnits(),
                    md.signalType(), md.beamEnergyKeV(), md.liveTimeS(), md.realTimeS(), md.elements(),
                    md.detector(), location, "bcf", "", md.dataType(downsample), Double.NaN);
            return new BcfReader(location, md, rows, h, downsample);
        } catch (InvalidInputException e) {
            throw e;
        } catch (EOFException e) {
            throw new InvalidInputException(location + ": the file ends early ("
                    + MessageText.oneLine(e.getMessage()) + ")", e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(location + ": not a readable Bruker .bcf hypermap: "
                    + MessageText.oneLine(e.toString()), e);
        }
    }

    /** Everything the header says, at the file's own resolution (before downsampling). */
    public BcfMetadata metadata() {
        return metadata;
    }

    /** Decompressed size of the pixel stream in bytes. */
    public long pixelStreamBytes() {
        return rows.streamBytes();
    }

    @Override
    public SpectrumImage header() {
        return header;
    }

    @Override
    public PixelBlock readBlock(int y0, int x0, int height, int width) throws IOException {
        if (y0 < 0 || x0 < 0 || height < 1 || width < 1 || y0 + height > header.ny() || x0 + width > header.nx()) {
            throw new IllegalArgumentException("block " + height + "x" + width + " at (" + y0 + ", " + x0
                    + ") is outside the " + header.ny() + "x" + header.nx() + " map");
        }
        int channels = header.channels();
        PixelBlock block = PixelBlock.empty(y0, x0, height, width, channels);
        try {
            for (int by = 0; by < height; by++) {
                int first = (y0 + by) * downsample;
                int last = Math.min(first + downsample, rows.height());
                for (int y = first; y < last; y++) {
                    rows.addRow(y, downsample, x0, width, block.counts(), by * width * channels, channels);
                }
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (EOFException e) {
            throw new InvalidInputException(location + ": the file ends early while reading block (" + y0 + ", "
                    + x0 + "): " + MessageText.oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(location + ": corrupted pixel data in block (" + y0 + ", " + x0
                    + "): " + MessageText.oneLine(e.toString()), e);
        }
        return block;
    }

    @Override
    public void close() {
        // Nothing is held open: every read is a positioned read on the InputFile.
    }

    private static int lowestIndex(SfsContainer sfs, String location) {
        List<Integer> found = new ArrayList<>();
        for (String name : sfs.list("EDSDatabase")) {
            if (name.matches("SpectrumData\\d{1,6}")) {
                found.add(Integer.parseInt(name.substring("SpectrumData".length())));
            }
        }
        if (found.isEmpty()) {
            throw new InvalidInputException(location + ": the container has no EDSDatabase/SpectrumDataN; "
                    + "it holds no EDS hypermap");
        }
        return found.stream().min(Integer::compare).orElseThrow();
    }

    private static int channels(ReaderOptions options, BcfMetadata md, String location) {
        String cutoff = options.get("cutoff", null);
        if (cutoff == null) {
            return md.channels();
        }
        double kev;
        try {
            kev = Double.parseDouble(cutoff);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(location + ": reader option 'cutoff' must be an energy in keV, got '"
                    + cutoff + "'");
        }
        long n = Math.round((kev - md.offsetKeV()) / md.scaleKeV());
        if (n < 1 || n > 65536) {
            throw new InvalidInputException(location + ": reader option 'cutoff' = " + cutoff + " keV gives "
                    + n + " channels; it must give 1..65536 for an axis starting at " + md.offsetKeV() + " keV");
        }
        return (int) n;
    }
}
