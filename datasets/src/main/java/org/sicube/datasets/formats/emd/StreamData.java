package org.sicube.datasets.formats.emd;

import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.FixedPoint;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

/**
 * One detector's Velox spectrum stream, {@code /Data/SpectrumStream/<id>/Data}: a 1-D (or
 * {@code (N, 1)}) uint16 array of channel indices in which {@link #FLYBACK} (65535) ends a pixel.
 * Read in pieces of at most {@link #PIECE} values by hyperslab, never as a whole.
 */
final class StreamData {
    static final int FLYBACK = 0xFFFF;
    /** Values per hyperslab read: 2 MiB of uint16, bounded whatever the stream's length. */
    static final int PIECE = 1 << 20;

    private final EmdHdf hdf;
    private final String path;
    private final Dataset data;
    private final int rank;
    private final long length;

    StreamData(EmdHdf hdf, String path) {
        this.hdf = hdf;
        this.path = path;
        this.data = hdf.dataset(path);
        long[] dims = hdf.dims(path, data);
        if (dims.length < 1 || dims.length > 2 || (dims.length == 2 && dims[1] != 1)) {
            throw hdf.invalid(path, "a spectrum stream must be 1-D or (N, 1), found shape " + java.util.Arrays.toString(dims));
        }
        boolean uint16 = hdf.guard(path, () -> data.getDataType() instanceof FixedPoint f
                && f.getSize() == 2 && !f.isSigned());
        if (!uint16) {
            throw hdf.invalid(path, "spectrum stream must hold uint16 values; found "
                    + hdf.guard(path, () -> data.getDataType().getClass().getSimpleName() + " of "
                    + data.getDataType().getSize() + " bytes"));
        }
        this.rank = dims.length;
        this.length = dims[0];
    }

    String path() {
        return path;
    }

    long length() {
        return length;
    }

    /** Values {@code [pos, pos + n)} as unsigned shorts (mask with 0xFFFF). */
    ShortBuffer read(long pos, int n) {
        if (pos < 0 || n < 0 || n > PIECE || pos + n > length) {
            throw new IllegalArgumentException("stream read [" + pos + ", " + (pos + n) + ") outside [0, " + length + ")");
        }
        long[] offset = rank == 1 ? new long[] {pos} : new long[] {pos, 0};
        int[] shape = rank == 1 ? new int[] {n} : new int[] {n, 1};
        ByteBuffer b = hdf.slice(path, data, offset, shape);
        return b.asShortBuffer();
    }
}
