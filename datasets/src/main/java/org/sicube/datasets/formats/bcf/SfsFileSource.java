package org.sicube.datasets.formats.bcf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The raw bytes of one SFS virtual file: payload byte {@code p} lies in chunk
 * {@code pointers[p / usable]} at payload offset {@code p % usable}. Runs of consecutive chunks are
 * read with one positioned read (chunk headers skipped when copying), so sequential reading costs
 * few I/O calls.
 */
final class SfsFileSource implements ByteSource {
    private static final int MAX_RUN_BYTES = 1 << 20;

    private final SfsContainer sfs;
    private final String name;
    private final long size;
    private final int[] pointers;
    private byte[] scratch = new byte[0];

    private SfsFileSource(SfsContainer sfs, String name, long size, int[] pointers) {
        this.sfs = sfs;
        this.name = name;
        this.size = size;
        this.pointers = pointers;
    }

    /** Reads the pointer table of {@code entry}; its size was checked against the container. */
    static SfsFileSource open(SfsContainer sfs, String name, SfsEntry entry) throws IOException {
        if (entry.directory()) {
            throw SfsContainer.corrupt(sfs.location(), -1, "'" + name + "' is a directory in the file table, "
                    + "expected a file");
        }
        int usable = sfs.usable();
        int dataChunks = (int) ((entry.size() + usable - 1) / usable);
        int[] pointers = new int[dataChunks];
        if (dataChunks > 0) {
            int perTableChunk = usable / 4;
            int tableChunks = (dataChunks + perTableChunk - 1) / perTableChunk;
            byte[] table = sfs.readChain(entry.pointerTableChunk(), tableChunks, usable, -1);
            ByteBuffer b = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < dataChunks; i++) {
                long p = Integer.toUnsignedLong(b.getInt(4 * i));
                if (p >= sfs.chunkCount()) {
                    throw SfsContainer.corrupt(sfs.location(), -1, "virtual file '" + name + "' lists chunk " + p
                            + " as its part " + i + ", but the container has " + sfs.chunkCount() + " chunks");
                }
                pointers[i] = (int) p;
            }
        }
        return new SfsFileSource(sfs, name, entry.size(), pointers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long length() {
        return size;
    }

    @Override
    public void read(long position, byte[] dst, int off, int len) throws IOException {
        if (position < 0 || len < 0 || position + len > size) {
            throw SfsContainer.corrupt(sfs.location(), -1, "virtual file '" + name + "' has " + size
                    + " bytes; cannot read " + len + " bytes at its offset " + position);
        }
        int usable = sfs.usable();
        int chunkSize = sfs.chunkSize();
        long pos = position;
        int done = 0;
        while (done < len) {
            int k = (int) (pos / usable);
            int within = (int) (pos % usable);
            int first = Math.min(len - done, usable - within);
            int run = 1;
            int total = first;
            while (total < len - done && k + run < pointers.length && pointers[k + run] == pointers[k] + run
                    && (long) (run + 1) * chunkSize <= MAX_RUN_BYTES) {
                total += Math.min(len - done - total, usable);
                run++;
            }
            long start = sfs.chunkStart(pointers[k]) + SfsContainer.CHUNK_HEADER + within;
            if (run == 1) {
                sfs.readFully(start, dst, off + done, first);
            } else {
                int last = total - first - (run - 2) * usable;
                int span = (run - 1) * chunkSize - within + last;
                if (scratch.length < span) {
                    scratch = new byte[span];
                }
                sfs.readFully(start, scratch, 0, span);
                System.arraycopy(scratch, 0, dst, off + done, first);
                int copied = first;
                for (int j = 1; j < run; j++) {
                    int n = Math.min(usable, total - copied);
                    System.arraycopy(scratch, j * chunkSize - within, dst, off + done + copied, n);
                    copied += n;
                }
            }
            done += total;
            pos += total;
        }
    }
}
