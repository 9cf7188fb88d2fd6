package org.sicube.datasets.formats.emd;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.OrderedDataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * The HDF5 side of a Velox {@code .emd} file, read through jhdf. Every jhdf call goes through
 * {@link #guard}, so a corrupted file surfaces as one {@link InvalidInputException} naming the
 * file and the HDF5 path, never as a raw jhdf or runtime exception.
 */
final class EmdHdf implements AutoCloseable {
    /** Largest decoded chunk or slice accepted (bytes); anything bigger is a lying header. */
    static final long MAX_CHUNK_BYTES = 256L << 20;

    private final InputFile file;
    private final HdfFile hdf;

    private EmdHdf(InputFile file, HdfFile hdf) {
        this.file = file;
        this.hdf = hdf;
    }

    /**
     * Files under 2 GiB are memory-mapped and handed to jhdf as a buffer: jhdf then slices the
     * mapping where it would otherwise allocate a heap buffer sized by a header field, so a
     * corrupted size costs nothing and reading past the end fails at once. Larger files are read
     * through jhdf's file channel.
     */
    static EmdHdf open(InputFile file) throws IOException {
        java.nio.file.Path local = file.localPath();
        long size = java.nio.file.Files.size(local);
        if (size > Integer.MAX_VALUE) {
            return new EmdHdf(file, guard(file, "the HDF5 superblock", () -> new HdfFile(local)));
        }
        ByteBuffer mapped;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(local, java.nio.file.StandardOpenOption.READ)) {
            mapped = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
        }
        return new EmdHdf(file, guard(file, "the HDF5 superblock", () -> HdfFile.fromByteBuffer(mapped)));
    }

    InputFile file() {
        return file;
    }

    HdfFile jhdf() {
        return hdf;
    }

    /** Fails with a message naming this file and {@code where}. */
    InvalidInputException invalid(String where, String what) {
        return new InvalidInputException(file.location() + ": " + where + ": " + what);
    }

    <T> T guard(String where, Supplier<T> call) {
        return guard(file, where, call);
    }

    /**
     * Runs a jhdf call, turning its failures on a corrupted file into an InvalidInputException.
     * OutOfMemoryError and StackOverflowError are caught too: jhdf sizes buffers and recurses from
     * header fields, and a flipped byte there must not take down the JVM's caller.
     */
    static <T> T guard(InputFile file, String where, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InvalidInputException(file.location() + ": cannot read " + where
                    + " (the file is truncated or corrupted): " + firstLine(why), e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The node at {@code path}, or null when there is none. */
    Node nodeOrNull(String path) {
        return guard(path, () -> {
            Node n = hdf;
            for (String part : path.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (!(n instanceof Group g)) {
                    return null;
                }
                n = g.getChildren().get(part);
                if (n == null) {
                    return null;
                }
            }
            return n;
        });
    }

    /** Names of the sub-groups of the group at {@code path}, sorted; empty when there is no such group. */
    List<String> subGroups(String path) {
        Node n = nodeOrNull(path);
        List<String> names = new ArrayList<>();
        if (n instanceof Group g) {
            guard(path, () -> {
                g.getChildren().forEach((k, v) -> {
                    if (v instanceof Group) {
                        names.add(k);
                    }
                });
                return null;
            });
        }
        names.sort(null);
        return names;
    }

    Dataset dataset(String path) {
        Node n = nodeOrNull(path);
        if (!(n instanceof Dataset d)) {
            throw invalid(path, n == null ? "missing dataset" : "is not a dataset");
        }
        guard(path, () -> {
            if (d instanceof ChunkedDataset c) {
                long bytes = d.getDataType().getSize();
                for (int dim : c.getChunkDimensions()) {
                    bytes *= Math.max(dim, 1);
                    if (dim < 0 || bytes > MAX_CHUNK_BYTES) {
                        throw invalid(path, "chunk shape " + java.util.Arrays.toString(c.getChunkDimensions())
                                + " is implausibly large");
                    }
                }
            }
            return null;
        });
        return d;
    }

    long[] dims(String path, Dataset d) {
        long[] dims = guard(path, d::getDimensionsAsLong);
        for (long v : dims) {
            if (v < 0) {
                throw invalid(path, "negative dimension in " + java.util.Arrays.toString(dims));
            }
        }
        return dims;
    }

    /** The text of a one-element variable-length string dataset (Velox settings such as {@code AcquisitionSettings}). */
    String string(String path) {
        Dataset d = dataset(path);
        GlobalHeapCheck.check(this, path, d);
        Object data = guard(path, d::getData);
        if (data instanceof String[] s && s.length >= 1 && s[0] != null) {
            return s[0];
        }
        if (data instanceof String s) {
            return s;
        }
        throw invalid(path, "expected a string dataset");
    }

    /**
     * A hyperslab of {@code d} as raw bytes in the dataset's byte order; {@code offset} and
     * {@code shape} have the dataset's rank. The caller checks that the slice lies inside the
     * dataset and is bounded in size.
     */
    ByteBuffer slice(String path, Dataset d, long[] offset, int[] shape) {
        long bytes = d.getDataType().getSize();
        for (int s : shape) {
            bytes *= s;
        }
        if (bytes > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("slice of " + bytes + " bytes is larger than the reader's buffers");
        }
        ByteBuffer b = guard(path, () -> {
            if (d instanceof DatasetBase base) {
                return base.getSliceDataBuffer(offset, shape);
            }
            throw invalid(path, "unsupported dataset implementation " + d.getClass().getSimpleName());
        });
        if (b.remaining() != bytes) {
            throw invalid(path, "slice at " + java.util.Arrays.toString(offset) + " returned " + b.remaining()
                    + " bytes instead of " + bytes);
        }
        return b.slice().order(byteOrder(d.getDataType()));
    }

    static ByteOrder byteOrder(DataType t) {
        return t instanceof OrderedDataType o && o.getByteOrder() != null ? o.getByteOrder() : ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public void close() {
        try {
            hdf.close();
        } catch (RuntimeException e) {
            // closing a file that failed to parse may fail again; nothing is left to release
        }
    }
}
