package org.sicube.datasets.formats.hspy;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Tiles of a HyperSpy {@code data} dataset of rank 3 {@code (ny, nx, E)}, 2 {@code (n, E)} or 1
 * {@code (E)}, read as HDF5 hyperslabs through jhdf, so only the chunks a tile touches are
 * decompressed.
 */
final class HspyReader implements SpectrumImageReader {
    private final HdfFile hdf;
    private final Dataset data;
    private final SpectrumImage header;
    private final String file;

    HspyReader(HdfFile hdf, Dataset data, SpectrumImage header, String file) {
        this.hdf = hdf;
        this.data = data;
        this.header = header;
        this.file = file;
    }

    @Override
    public SpectrumImage header() {
        return header;
    }

    @Override
    public PixelBlock readBlock(int y0, int x0, int height, int width) {
        if (y0 < 0 || x0 < 0 || height <= 0 || width <= 0 || y0 + height > header.ny() || x0 + width > header.nx()) {
            throw new IllegalArgumentException("block at (" + y0 + ", " + x0 + ") of " + height + "x" + width
                    + " is outside the " + header.ny() + "x" + header.nx() + " image");
        }
        int ch = header.channels();
        int rank = data.getDimensions().length;
        long[] offset = switch (rank) {
            case 3 -> new long[] {y0, x0, 0};
            case 2 -> new long[] {x0, 0};
            default -> new long[] {0};
        };
        int[] shape = switch (rank) {
            case 3 -> new int[] {height, width, ch};
            case 2 -> new int[] {width, ch};
            default -> new int[] {ch};
        };
        Object slab;
        try {
            slab = data.getData(offset, shape);
        } catch (HdfException e) {
            throw new InvalidInputException(file + ": cannot read dataset " + data.getPath() + " at offset "
                    + java.util.Arrays.toString(offset) + ": " + e.getMessage(), e);
        }
        PixelBlock block = PixelBlock.empty(y0, x0, height, width, ch);
        int n = flatten(slab, block.counts(), 0);
        if (n != block.counts().length) {
            throw new IllegalStateException("hyperslab held " + n + " values, expected " + block.counts().length);
        }
        return block;
    }

    /** Copies a nested primitive array (row-major, last index fastest) into {@code out}; returns the next index. */
    private static int flatten(Object a, float[] out, int at) {
        if (a instanceof int[] v) {
            for (int x : v) out[at++] = x;
        } else if (a instanceof long[] v) {
            for (long x : v) out[at++] = x;
        } else if (a instanceof short[] v) {
            for (short x : v) out[at++] = x;
        } else if (a instanceof byte[] v) {
            for (byte x : v) out[at++] = x;
        } else if (a instanceof float[] v) {
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        } else if (a instanceof double[] v) {
            for (double x : v) out[at++] = (float) x;
        } else if (a instanceof java.math.BigInteger[] v) {
            for (java.math.BigInteger x : v) out[at++] = x.floatValue();
        } else if (a instanceof Object[] rows) {
            for (Object r : rows) at = flatten(r, out, at);
        } else {
            throw new IllegalStateException("unexpected array type " + (a == null ? "null" : a.getClass()));
        }
        return at;
    }

    @Override
    public void close() {
        hdf.close();
    }
}
