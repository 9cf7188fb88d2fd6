package org.sicube.datasets.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.PixelBlock;

/**
 * Packs a block's counts into bytes for the store, choosing per block between two encodings (sparse when it is less than half the dense size):
 * <ul>
 *   <li>{@link #DENSE_SPLIT} {@code "dense-f32le-split"}, written for every dense block: the values of
 *       {@link #DENSE} as four byte planes ({@link ByteStreamSplit}), which zstd compresses about
 *       1.6–3× faster and 15–30 % smaller (README, store schema);</li>
 *   <li>{@link #DENSE} {@code "dense-f32le"} (read only, older stores): {@code h·w·E} little-endian
 *       float32 values, pixel-major, energy fastest (any real values);</li>
 *   <li>{@link #SPARSE} {@code "sparse-varint"}: for each pixel in row-major order, the number of
 *       non-zero channels, then for each one the gap to the previous non-zero channel (first gap
 *       from -1) and its count, all as unsigned LEB128 varints. Only for blocks whose values are all
 *       non-negative integers below 2^31, i.e. counts — typical of EDS at a few hundred counts per
 *       spectrum, where most channels are 0.</li>
 * </ul>
 */
public final class BlockCodec {
    public static final String DENSE = "dense-f32le";
    public static final String SPARSE = "sparse-varint";
    public static final String DENSE_SPLIT = "dense-f32le-split";

    private BlockCodec() {
    }

    /** The encoding name and its bytes. */
    public record Encoded(String encoding, byte[] bytes) {
    }

    public static Encoded encode(PixelBlock block) {
        float[] c = block.counts();
        long denseSize = 4L * c.length;
        // Sparse only when it halves the size: dense blocks decode in one simple pass, and Parquet's
        // own compression already shrinks high-count dense data.
        long sparseSize = headMayBeSparse(c, block.channels()) ? sparseSize(c, block.channels(), (denseSize + 1) / 2) : -1;
        if (sparseSize >= 0 && 2 * sparseSize < denseSize) {
            return new Encoded(SPARSE, encodeSparse(c, block.pixels(), block.channels(), (int) sparseSize));
        }
        return new Encoded(DENSE_SPLIT, ByteStreamSplit.encode(c));
    }

    public static PixelBlock decode(int y0, int x0, int height, int width, int channels, String encoding, byte[] bytes) {
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(height, width), channels)];
        switch (encoding) {
            case DENSE -> {
                if (bytes.length != 4L * out.length) {
                    throw new IllegalArgumentException("dense block at (" + y0 + ", " + x0 + ") holds " + bytes.length
                            + " bytes but " + height + "x" + width + "x" + channels + " float32 values need " + 4L * out.length);
                }
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            }
            case SPARSE -> decodeSparse(bytes, out, height * width, channels, y0, x0);
            case DENSE_SPLIT -> decodeSplit(bytes, out, height, width, channels, y0, x0);
            default -> throw new IllegalArgumentException("unknown block encoding '" + encoding + "'");
        }
        return new PixelBlock(y0, x0, height, width, channels, out);
    }

    /**
     * Size of the sparse encoding, or -1 when the values are not all counts (non-negative integers);
     * stops with a size of at least {@code limit} as soon as it reaches that.
     */
    static long sparseSize(float[] c, int channels, long limit) {
        return sparseSize(c, c.length, channels, limit);
    }

    /** As {@link #sparseSize(float[], int, long)} over the values before {@code end} (whole pixels). */
    private static long sparseSize(float[] c, int end, int channels, long limit) {
        long size = 0;
        for (int p = 0; p < end && size < limit; p += channels) {
            int nnz = 0;
            int last = -1;
            for (int e = 0; e < channels; e++) {
                float v = c[p + e];
                if (v != 0f) {
                    if (!(v > 0f) || v >= 2.1474836E9f || v != (float) Math.rint(v)) {
                        return -1;
                    }
                    nnz++;
                    size += varintSize(e - last) + varintSize((int) v);
                    last = e;
                }
            }
            size += varintSize(nnz);
        }
        return size;
    }

    /**
     * False when the first sixteenth of the pixels (at least one) already needs half their dense
     * size as varints: such a block (dense counts, processed values) is stored dense without
     * scanning all of it, which would cost about as much as compressing it.
     */
    private static boolean headMayBeSparse(float[] c, int channels) {
        int head = Math.max(1, c.length / channels / 16) * channels;
        long headDense = 4L * head;
        long size = sparseSize(c, head, channels, (headDense + 1) / 2);
        return size >= 0 && 2 * size < headDense;
    }

    private static void decodeSplit(byte[] bytes, float[] out, int height, int width, int channels, int y0, int x0) {
        if (bytes.length != 4L * out.length) {
            throw new IllegalArgumentException("dense split block at (" + y0 + ", " + x0 + ") holds " + bytes.length
                    + " bytes but " + height + "x" + width + "x" + channels + " float32 values need " + 4L * out.length);
        }
        ByteStreamSplit.decode(bytes, out);
    }

    private static byte[] encodeSparse(float[] c, int pixels, int channels, int size) {
        byte[] out = new byte[size];
        int pos = 0;
        for (int p = 0; p < pixels; p++) {
            int base = p * channels;
            int nnz = 0;
            for (int e = 0; e < channels; e++) {
                if (c[base + e] != 0f) {
                    nnz++;
                }
            }
            pos = putVarint(out, pos, nnz);
            int last = -1;
            for (int e = 0; e < channels; e++) {
                float v = c[base + e];
                if (v != 0f) {
                    pos = putVarint(out, pos, e - last);
                    pos = putVarint(out, pos, (int) v);
                    last = e;
                }
            }
        }
        return out;
    }

    private static void decodeSparse(byte[] in, float[] out, int pixels, int channels, int y0, int x0) {
        int[] pos = {0};
        for (int p = 0; p < pixels; p++) {
            int base = p * channels;
            int nnz = getVarint(in, pos);
            int e = -1;
            for (int k = 0; k < nnz; k++) {
                e += getVarint(in, pos);
                int v = getVarint(in, pos);
                if (e >= channels) {
                    throw new IllegalArgumentException("sparse block at (" + y0 + ", " + x0 + "): channel " + e
                            + " beyond " + channels + " channels");
                }
                out[base + e] = v;
            }
        }
        if (pos[0] != in.length) {
            throw new IllegalArgumentException("sparse block at (" + y0 + ", " + x0 + "): " + (in.length - pos[0])
                    + " trailing bytes");
        }
    }

    /**
     * The block's non-zero counts without a dense block: a sparse block is parsed straight into
     * compressed rows, a dense one decoded and scanned.
     */
    public static BlockNonZeros decodeNonZeros(int y0, int x0, int height, int width, int channels, String encoding,
            byte[] bytes) {
        if (!SPARSE.equals(encoding)) {
            return BlockNonZeros.of(decode(y0, x0, height, width, channels, encoding, bytes));
        }
        int pixels = Math.multiplyExact(height, width);
        int[] start = new int[pixels + 1];
        // every non-zero takes at least two bytes (gap and count)
        int[] channel = new int[bytes.length / 2];
        float[] value = new float[bytes.length / 2];
        int[] pos = {0};
        int j = 0;
        for (int p = 0; p < pixels; p++) {
            start[p] = j;
            int nnz = getVarint(bytes, pos);
            if (nnz > channels || nnz > channel.length - j) {
                throw new IllegalArgumentException("sparse block at (" + y0 + ", " + x0 + "): pixel " + p + " claims "
                        + nnz + " non-zero channels");
            }
            int e = -1;
            for (int k = 0; k < nnz; k++) {
                int gap = getVarint(bytes, pos);
                e += gap;
                if (gap < 1 || e >= channels) {
                    throw new IllegalArgumentException("sparse block at (" + y0 + ", " + x0 + "): channel " + e
                            + " out of order or beyond " + channels + " channels");
                }
                channel[j] = e;
                value[j++] = getVarint(bytes, pos);
            }
        }
        start[pixels] = j;
        if (pos[0] != bytes.length) {
            throw new IllegalArgumentException("sparse block at (" + y0 + ", " + x0 + "): " + (bytes.length - pos[0])
                    + " trailing bytes");
        }
        return new BlockNonZeros(y0, x0, height, width, channels, start, java.util.Arrays.copyOf(channel, j),
                java.util.Arrays.copyOf(value, j));
    }

    private static int varintSize(int v) {
        return v < (1 << 7) ? 1 : v < (1 << 14) ? 2 : v < (1 << 21) ? 3 : v < (1 << 28) ? 4 : 5;
    }

    private static int putVarint(byte[] out, int pos, int v) {
        while ((v & ~0x7F) != 0) {
            out[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[pos++] = (byte) v;
        return pos;
    }

    private static int getVarint(byte[] in, int[] pos) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos[0] >= in.length) {
                throw new IllegalArgumentException("sparse block ends inside a number");
            }
            byte b = in[pos[0]++];
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("sparse block holds a malformed number");
    }
}
