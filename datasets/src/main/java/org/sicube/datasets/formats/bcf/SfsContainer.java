package org.sicube.datasets.formats.bcf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * The AidAim "Single File System" (SFS) container that holds the virtual files of a Bruker
 * {@code .bcf}. Layout (little-endian), as documented by the open-source readers of the format
 * (HyperSpy/RosettaSciIO {@code rsciio.bruker}): magic {@code AAMVHFSS} at 0; version (float32) and
 * chunk size (uint32) at 0x124; file-table chunk, number of table items and number of chunks
 * (uint32 each) at 0x140. Chunk {@code k} starts at {@code 0x118 + k * chunkSize}; its first 32 bytes
 * are a chunk header whose first uint32 is the next chunk of a chain, the rest is payload. The file
 * table is a chain of chunks holding 512-byte items (see {@link SfsEntry}); each file's payload is
 * scattered over chunks listed in its pointer table (uint32 chunk numbers, itself a chunk chain).
 */
final class SfsContainer {
    static final byte[] MAGIC = "AAMVHFSS".getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK_BASE = 0x118;
    static final int CHUNK_HEADER = 0x20;
    private static final int HEADER_BYTES = 0x14C;
    private static final int ITEM = 0x200;
    private static final int MAX_CHUNK = 1 << 26;
    private static final int MAX_ITEMS = 1 << 20;

    private final InputFile file;
    private final long fileLength;
    private final int chunkSize;
    private final long chunkCount;
    private final float version;
    /** Set once by {@link #open} after the table is read (reading it needs the chunk geometry above). */
    private List<SfsEntry> entries = List.of();

    private SfsContainer(InputFile file, long fileLength, int chunkSize, long chunkCount, float version) {
        this.file = file;
        this.fileLength = fileLength;
        this.chunkSize = chunkSize;
        this.chunkCount = chunkCount;
        this.version = version;
    }

    /** Reads and checks the container header and its file table. */
    static SfsContainer open(InputFile file) throws IOException {
        long length = file.length();
        if (length < HEADER_BYTES) {
            throw corrupt(file, 0, "file has " + length + " bytes, shorter than the " + HEADER_BYTES
                    + "-byte SFS header; the file is truncated");
        }
        ByteBuffer h = ByteBuffer.wrap(file.readRange(0, HEADER_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (h.get(i) != MAGIC[i]) {
                throw corrupt(file, 0, "missing the SFS signature AAMVHFSS; not a Bruker .bcf container");
            }
        }
        float version = h.getFloat(0x124);
        long chunkSize = Integer.toUnsignedLong(h.getInt(0x128));
        long tableChunk = Integer.toUnsignedLong(h.getInt(0x140));
        long items = Integer.toUnsignedLong(h.getInt(0x144));
        long chunks = Integer.toUnsignedLong(h.getInt(0x148));
        if (chunkSize < CHUNK_HEADER + ITEM || chunkSize > MAX_CHUNK) {
            throw corrupt(file, 0x128, "SFS chunk size " + chunkSize + " is outside " + (CHUNK_HEADER + ITEM)
                    + ".." + MAX_CHUNK + " bytes");
        }
        if (chunks == 0 || CHUNK_BASE + chunks * chunkSize > length) {
            throw corrupt(file, 0x148, "header says " + chunks + " chunks of " + chunkSize + " bytes ("
                    + (CHUNK_BASE + chunks * chunkSize) + " bytes) but the file has " + length
                    + " bytes; the file is truncated or the header is corrupted");
        }
        if (items == 0 || items > MAX_ITEMS || items * ITEM > length) {
            throw corrupt(file, 0x144, "file table claims " + items + " items, impossible for a file of "
                    + length + " bytes");
        }
        SfsContainer c = new SfsContainer(file, length, (int) chunkSize, chunks, version);
        c.entries = c.readTable(tableChunk, (int) items);
        return c;
    }

    private List<SfsEntry> readTable(long firstChunk, int items) throws IOException {
        int perChunk = usable() / ITEM;
        int tableChunks = (items + perChunk - 1) / perChunk;
        byte[] raw = readChain(firstChunk, tableChunks, perChunk * ITEM, 0x140);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        List<SfsEntry> list = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            int at = i * ITEM;
            long pointerChunk = Integer.toUnsignedLong(b.getInt(at));
            long size = b.getLong(at + 4);
            int parent = b.getInt(at + 40);
            boolean dir = b.get(at + 220) != 0;
            int n = 0;
            while (n < 256 && raw[at + 224 + n] != 0) {
                n++;
            }
            String name = new String(raw, at + 224, n, StandardCharsets.UTF_8);
            String shown = MessageText.quote(name);
            if (parent < -1 || parent >= items || parent == i) {
                throw corrupt(file, -1, "file-table item " + i + " ('" + shown + "') has parent " + parent
                        + ", not an item of the " + items + "-item table");
            }
            if (!dir && (size < 0 || size > chunkCount * usable())) {
                throw corrupt(file, -1, "file-table item '" + shown + "' claims " + size
                        + " bytes, more than the container holds");
            }
            if (!dir && size > 0 && pointerChunk >= chunkCount) {
                throw corrupt(file, -1, "file-table item '" + shown + "' points to chunk " + pointerChunk
                        + " of a container with " + chunkCount + " chunks");
            }
            list.add(new SfsEntry(name, parent, dir, size, pointerChunk));
        }
        return List.copyOf(list);
    }

    /**
     * Reads {@code count} chunks of a chain starting at {@code first}, keeping the first
     * {@code bytesPerChunk} payload bytes of each; {@code what} is the header offset or -1, for messages.
     */
    byte[] readChain(long first, int count, int bytesPerChunk, long what) throws IOException {
        byte[] out = new byte[Math.multiplyExact(count, bytesPerChunk)];
        long chunk = first;
        byte[] next = new byte[4];
        for (int i = 0; i < count; i++) {
            if (chunk >= chunkCount) {
                throw corrupt(file, what, "chunk chain link " + i + " points to chunk " + chunk
                        + " of a container with " + chunkCount + " chunks");
            }
            long start = chunkStart(chunk);
            readFully(start, next, 0, 4);
            readFully(start + CHUNK_HEADER, out, i * bytesPerChunk, bytesPerChunk);
            chunk = Integer.toUnsignedLong(ByteBuffer.wrap(next).order(ByteOrder.LITTLE_ENDIAN).getInt());
        }
        return out;
    }

    /** Opens the virtual file at {@code path} (directories separated by '/'), decompressing if needed. */
    ByteSource open(String path) throws IOException {
        int index = find(path);
        if (index < 0) {
            throw corrupt(file, -1, "the container has no virtual file '" + path + "'; not a hypermap .bcf "
                    + "or its file table is corrupted");
        }
        ByteSource raw = SfsFileSource.open(this, path, entries.get(index));
        return AacsBlockSource.isCompressed(raw) ? AacsBlockSource.open(raw, file.location()) : raw;
    }

    /** Names of the files directly inside directory {@code dir} (a top-level directory name). */
    List<String> list(String dir) {
        int d = find(dir);
        List<String> names = new ArrayList<>();
        for (SfsEntry e : entries) {
            if (d >= 0 && e.parent() == d) {
                names.add(e.name());
            }
        }
        return names;
    }

    private int find(String path) {
        for (int i = 0; i < entries.size(); i++) {
            if (path.equals(pathOf(i))) {
                return i;
            }
        }
        return -1;
    }

    private String pathOf(int i) {
        StringBuilder p = new StringBuilder(entries.get(i).name());
        int parent = entries.get(i).parent();
        for (int depth = 0; parent >= 0; depth++) {
            if (depth > entries.size()) {
                throw corrupt(file, -1, "the file table's parent links form a cycle at item " + i);
            }
            p.insert(0, entries.get(parent).name() + "/");
            parent = entries.get(parent).parent();
        }
        return p.toString();
    }

    void readFully(long position, byte[] dst, int off, int len) throws IOException {
        if (position < 0 || position + len > fileLength) {
            throw corrupt(file, position, "needs bytes " + position + ".." + (position + len)
                    + " but the file has " + fileLength + " bytes; the file is truncated");
        }
        try {
            file.readFully(position, dst, off, len);
        } catch (EOFException e) {
            throw corrupt(file, position, "file ends before byte " + (position + len) + "; the file is truncated");
        }
    }

    long chunkStart(long chunk) {
        return CHUNK_BASE + chunk * chunkSize;
    }

    int chunkSize() {
        return chunkSize;
    }

    /** Payload bytes per chunk. */
    int usable() {
        return chunkSize - CHUNK_HEADER;
    }

    long chunkCount() {
        return chunkCount;
    }

    float version() {
        return version;
    }

    String location() {
        return file.location();
    }

    static InvalidInputException corrupt(InputFile file, long offset, String what) {
        return corrupt(file.location(), offset, what);
    }

    static InvalidInputException corrupt(String location, long offset, String what) {
        return new InvalidInputException(location + (offset >= 0 ? ": at byte " + offset : "")
                + ": " + what);
    }
}
