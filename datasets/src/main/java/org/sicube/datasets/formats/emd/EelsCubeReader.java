package org.sicube.datasets.formats.emd;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.api.Dataset;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Reads one EELS spectrum image of a Velox file, {@code /Data/EelsSpectrumImage/<id>/Data}, as a
 * {@code (ny, nx, E)} cube with an eV energy-loss axis. Velox stores it as {@code (nx, E, ny)}
 * (one chunk per scan row; its {@code AcquisitionMetadata} has one column per row) or, for a line
 * scan, {@code (nx, E)}; {@code Info} gives width, height and bincount and must agree. The energy
 * axis is {@code Data/offset} and {@code Data/dispersion} (eV) of the {@code AcquisitionMetadata}
 * JSON. A tile is read as one {@code (w, E, 1)} hyperslab per row, already in tile order.
 */
public final class EelsCubeReader implements SpectrumImageReader {
    private final EmdHdf hdf;
    private final String dataPath;
    private final Dataset data;
    private final NumericDecoder decoder;
    private final boolean lineScan;
    private final SpectrumImage header;
    private final Optional<Instant> acquisitionStart;

    private EelsCubeReader(EmdHdf hdf, String dataPath, Dataset data, NumericDecoder decoder, boolean lineScan,
            SpectrumImage header, Optional<Instant> acquisitionStart) {
        this.hdf = hdf;
        this.dataPath = dataPath;
        this.data = data;
        this.decoder = decoder;
        this.lineScan = lineScan;
        this.header = header;
        this.acquisitionStart = acquisitionStart;
    }

    static EelsCubeReader open(EmdHdf hdf, EmdSignal signal) {
        String group = signal.groups().get(0);
        String dataPath = group + "/Data";
        Dataset data = hdf.dataset(dataPath);
        long[] dims = hdf.dims(dataPath, data);
        if (dims.length != 2 && dims.length != 3) {
            throw hdf.invalid(dataPath, "EELS spectrum image must be (nx, E, ny) or (nx, E), found shape "
                    + java.util.Arrays.toString(dims));
        }
        long nx = dims[0];
        long channels = dims[1];
        long ny = dims.length == 3 ? dims[2] : 1;
        if (nx < 1 || channels < 1 || ny < 1 || nx > DetectorStream.MAX_SIDE || ny > DetectorStream.MAX_SIDE
                || channels > DetectorStream.MAX_CHANNELS) {
            throw hdf.invalid(dataPath, "shape " + java.util.Arrays.toString(dims) + " is not a valid spectrum image");
        }
        NumericDecoder decoder = hdf.guard(dataPath, () -> NumericDecoder.of(data.getDataType()));
        if (decoder == null) {
            throw hdf.invalid(dataPath, "values are not plain integers or floats");
        }
        checkInfo(hdf, group + "/Info", nx, ny, channels);
        String acqPath = group + "/AcquisitionMetadata";
        JsonNode acq = VeloxJson.column0(hdf, acqPath);
        double dispersion = VeloxJson.requiredNumber(hdf, acqPath, acq, "Data/dispersion");
        double offset = VeloxJson.requiredNumber(hdf, acqPath, acq, "Data/offset");
        if (!(dispersion > 0)) {
            throw hdf.invalid(acqPath, "key Data/dispersion = " + dispersion + " must be positive");
        }
        String mdPath = group + "/Metadata";
        VeloxMetadata md = new VeloxMetadata(VeloxJson.column0(hdf, mdPath), mdPath);
        VeloxMetadata scan = scanMetadata(hdf);
        double pixelSize = scan == null ? Double.NaN : scan.pixelSize();
        String pixelUnits = scan == null ? "" : scan.pixelUnits();
        EnergyAxis axis = new EnergyAxis(offset, dispersion, "eV", (int) channels);
        SpectrumImage header = new SpectrumImage((int) ny, (int) nx, axis, pixelSize, pixelUnits, "EELS",
                md.beamEnergyKeV(), Double.NaN, Double.NaN, List.of(), md.binaryResultDetector(),
                hdf.file().location(), "emd", "", decoder.name().toLowerCase(java.util.Locale.ROOT), Double.NaN);
        return new EelsCubeReader(hdf, dataPath, data, decoder, dims.length == 2, header, md.acquisitionStart());
    }

    private static void checkInfo(EmdHdf hdf, String infoPath, long nx, long ny, long channels) {
        if (hdf.nodeOrNull(infoPath) == null) {
            return;
        }
        JsonNode info = VeloxJson.stringDataset(hdf, infoPath);
        long w = VeloxJson.requiredLong(hdf, infoPath, info, "width", 1, DetectorStream.MAX_SIDE);
        long h = VeloxJson.requiredLong(hdf, infoPath, info, "height", 1, DetectorStream.MAX_SIDE);
        long bins = VeloxJson.requiredLong(hdf, infoPath, info, "bincount", 1, DetectorStream.MAX_CHANNELS);
        if (w != nx || h != ny || bins != channels) {
            throw hdf.invalid(infoPath, "width " + w + ", height " + h + ", bincount " + bins
                    + " do not match the data's " + nx + " × " + channels + " × " + ny + " (nx, E, ny)");
        }
    }

    /**
     * The scan's metadata (pixel size), which Velox keeps with the simultaneously acquired
     * spectrum image or spectrum stream rather than with the EELS data; null when neither is readable.
     */
    private static VeloxMetadata scanMetadata(EmdHdf hdf) {
        for (String parent : List.of(EmdSignals.PROPRIETARY_SI, EmdSignals.STREAMS)) {
            for (String id : hdf.subGroups(parent)) {
                String path = parent + "/" + id + "/Metadata";
                try {
                    VeloxMetadata md = new VeloxMetadata(VeloxJson.column0(hdf, path), path);
                    if (Double.isFinite(md.pixelSize())) {
                        return md;
                    }
                } catch (InvalidInputException e) {
                    // pixel size is optional for an EELS image; the stream's own reader reports its errors
                }
            }
        }
        return null;
    }

    @Override
    public SpectrumImage header() {
        return header;
    }

    public Optional<Instant> acquisitionStart() {
        return acquisitionStart;
    }

    @Override
    public PixelBlock readBlock(int y0, int x0, int height, int width) {
        Tiles.check(header, y0, x0, height, width);
        int e = header.channels();
        PixelBlock block = PixelBlock.empty(y0, x0, height, width, e);
        for (int y = y0; y < y0 + height; y++) {
            long[] offset = lineScan ? new long[] {x0, 0} : new long[] {x0, 0, y};
            int[] shape = lineScan ? new int[] {width, e} : new int[] {width, e, 1};
            ByteBuffer row = hdf.slice(dataPath, data, offset, shape);
            decoder.decode(row, block.counts(), (y - y0) * width * e, width * e);
        }
        return block;
    }

    @Override
    public void close() {
        hdf.close();
    }
}
