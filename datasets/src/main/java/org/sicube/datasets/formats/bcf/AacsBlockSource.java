package org.sicube.datasets.formats.bcf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zlib-compressed SFS virtual file, seen decompressed. Layout (little-endian; from the
 * RosettaSciIO reader): a header {@code "AACS"}, uncompressed block size, unused, number of blocks
 * (uint32 each); from byte 0x80 the blocks, each a 16-byte header (compressed size, decompressed
 * size, a checksum of unknown kind, end offset) followed by a zlib stream. Block boundaries are
 * indexed at open (O(blocks) longs); one decompressed block is cached, so reading is sequential-friendly
 * and random access costs at most one block's inflation.
 */
final class AacsBlockSource implements ByteSource {
    private static final int SIGNATURE = 0x53434141; // "AACS" read as little-endian uint32
    private static final int FIRST_BLOCK = 0x80;
    private static final int BLOCK_HEADER = 16;
    private static final int MAX_BLOCK = 1 << 26;
    /** zlib cannot expand data by more than about 1032:1; a header claiming more is lying. */
    private static final long MAX_RATIO = 1032;

    private final ByteSource raw;
    private final String location;
    private final long[] compressedAt;
    private final int[] compressedSize;
    private final long[] decodedStart;
    private int cachedBlock = -1;
    private byte[] cache = new byte[0];
    private byte[] input = new byte[0];

    private AacsBlockSource(ByteSource raw, String location, long[] compressedAt, int[] compressedSize,
                            long[] decodedStart) {
        this.raw = raw;
        this.location = location;
        this.compressedAt = compressedAt;
        this.compressedSize = compressedSize;
        this.decodedStart = decodedStart;
    }

    static boolean isCompressed(ByteSource raw) throws IOException {
        if (raw.length() < 4) {
            return false;
        }
        byte[] b = new byte[4];
        raw.read(0, b, 0, 4);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt() == SIGNATURE;
    }

    /** Walks the block headers and checks each size against the virtual file before anything is inflated. */
    static AacsBlockSource open(ByteSource raw, String location) throws IOException {
        if (raw.length() < FIRST_BLOCK) {
            throw error(location, raw, 0, "compressed virtual file of " + raw.length()
                    + " bytes is shorter than its " + FIRST_BLOCK + "-byte compression header");
        }
        ByteBuffer h = le(raw, 0, 16);
        long blockSize = Integer.toUnsignedLong(h.getInt(4));
        long blocks = Integer.toUnsignedLong(h.getInt(12));
        if (blockSize == 0 || blockSize > MAX_BLOCK) {
            throw error(location, raw, 4, "uncompressed block size " + blockSize + " is outside 1.." + MAX_BLOCK);
        }
        if (blocks > (raw.length() - FIRST_BLOCK) / BLOCK_HEADER) {
            throw error(location, raw, 12, "claims " + blocks + " compressed blocks, more than "
                    + raw.length() + " bytes can hold");
        }
        int n = (int) blocks;
        long[] at = new long[n];
        int[] size = new int[n];
        long[] start = new long[n + 1];
        long pos = FIRST_BLOCK;
        for (int i = 0; i < n; i++) {
            if (pos + BLOCK_HEADER > raw.length()) {
                throw error(location, raw, pos, "compressed block " + i + " of " + n
                        + " starts past the end of the virtual file (" + raw.length() + " bytes)");
            }
            ByteBuffer b = le(raw, pos, BLOCK_HEADER);
            long packed = Integer.toUnsignedLong(b.getInt(0));
            long unpacked = Integer.toUnsignedLong(b.getInt(4));
            if (packed == 0 || pos + BLOCK_HEADER + packed > raw.length()) {
                throw error(location, raw, pos, "compressed block " + i + " claims " + packed
                        + " bytes but only " + (raw.length() - pos - BLOCK_HEADER) + " remain");
            }
            if (unpacked > blockSize || unpacked > packed * MAX_RATIO) {
                throw error(location, raw, pos + 4, "compressed block " + i + " claims to inflate to " + unpacked
                        + " bytes (block size " + blockSize + ", " + packed + " bytes compressed)");
            }
            at[i] = pos + BLOCK_HEADER;
            size[i] = (int) packed;
            start[i + 1] = start[i] + unpacked;
            pos += BLOCK_HEADER + packed;
        }
        return new AacsBlockSource(raw, location, at, size, start);
    }

    @Override
    public String name() {
        return raw.name();
    }

    @Override
    public long length() {
        return decodedStart[decodedStart.length - 1];
    }

    @Override
    public void read(long position, byte[] dst, int off, int len) throws IOException {
        if (position < 0 || len < 0 || position + len > length()) {
            throw error(location, raw, -1, "cannot read " + len + " bytes at decompressed offset " + position
                    + " of " + length());
        }
        long pos = position;
        int done = 0;
        while (done < len) {
            int block = blockOf(pos);
            inflate(block);
            int within = (int) (pos - decodedStart[block]);
            int n = (int) Math.min(len - done, decodedStart[block + 1] - pos);
            System.arraycopy(cache, within, dst, off + done, n);
            done += n;
            pos += n;
        }
    }

    private int blockOf(long pos) {
        int i = Arrays.binarySearch(decodedStart, pos);
        int block = i >= 0 ? i : -i - 2;
        while (decodedStart[block + 1] == pos) { // skip empty blocks
            block++;
        }
        return block;
    }

    private void inflate(int block) throws IOException {
        if (block == cachedBlock) {
            return;
        }
        int want = (int) (decodedStart[block + 1] - decodedStart[block]);
        if (input.length < compressedSize[block]) {
            input = new byte[compressedSize[block]];
        }
        if (cache.length < want) {
            cache = new byte[want];
        }
        raw.read(compressedAt[block], input, 0, compressedSize[block]);
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input, 0, compressedSize[block]);
            int got = 0;
            while (got < want && !inflater.finished()) {
                int n = inflater.inflate(cache, got, want - got);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                got += n;
            }
            if (got != want || !inflater.finished()) {
                cachedBlock = -1;
                throw error(location, raw, compressedAt[block] - BLOCK_HEADER, "compressed block " + block
                        + " does not inflate to the " + want + " bytes its header says");
            }
        } catch (DataFormatException e) {
            cachedBlock = -1;
            throw error(location, raw, compressedAt[block] - BLOCK_HEADER, "compressed block " + block
                    + " is not valid zlib data (" + MessageText.oneLine(e.getMessage()) + ")");
        } finally {
            inflater.end();
        }
        cachedBlock = block;
    }

    private static ByteBuffer le(ByteSource raw, long pos, int len) throws IOException {
        byte[] b = new byte[len];
        raw.read(pos, b, 0, len);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static org.sicube.datasets.io.InvalidInputException error(String location, ByteSource raw, long offset,
                                                                        String what) {
        return SfsContainer.corrupt(location, -1, "virtual file " + raw.name()
                + (offset >= 0 ? " offset " + offset : "") + ": " + what);
    }
}
