package org.sicube.datasets.formats.emd;

import io.jhdf.api.Dataset;
import io.jhdf.dataset.DatasetBase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Checks the global heap collections behind a variable-length string dataset before jhdf reads
 * them (HDF5 file format specification, "Global Heap": signature GCOL, version, collection size).
 */
final class GlobalHeapCheck {
    private GlobalHeapCheck() {
    }

    /**
     * Fails unless every string of {@code d} points at a plausible global heap collection.
     * Variable-length strings live in global heap collections whose size jhdf trusts when it
     * allocates its read buffer; a flipped byte there would make it read gigabytes. So each
     * reference's collection header ("GCOL", version, size) is checked against the file first.
     */
    static void check(EmdHdf h, String path, Dataset d) {
        if (!h.guard(path, d::isVariableLength)) {
            return;
        }
        long elements = h.guard(path, d::getSize);
        int offsets = h.guard(path, () -> h.jhdf().getHdfBackingStorage().getSizeOfOffsets());
        long base = h.guard(path, h.jhdf()::getUserBlockSize);
        if (elements > 64 || (offsets != 4 && offsets != 8)) {
            throw h.invalid(path, "a settings string dataset should hold one string, found " + elements
                    + " with " + offsets + "-byte addresses");
        }
        ByteBuffer refs = h.guard(path, () -> ((DatasetBase) d).getDataBuffer()).order(ByteOrder.LITTLE_ENDIAN);
        int refSize = 4 + offsets + 4;
        try {
            long length = h.file().length();
            for (int i = 0; i + refSize <= refs.remaining() && i < elements * refSize; i += refSize) {
                long address = offsets == 8 ? refs.getLong(refs.position() + i + 4)
                        : refs.getInt(refs.position() + i + 4) & 0xFFFFFFFFL;
                if (address < 0 || base + address + 16 > length) {
                    throw h.invalid(path, "string's global heap address " + address + " is outside the file");
                }
                ByteBuffer head = ByteBuffer.wrap(h.file().readRange(base + address, 16)).order(ByteOrder.LITTLE_ENDIAN);
                long size = head.getLong(8);
                if (head.getInt(0) != 0x4C4F4347 || size < 16 || size > length - base - address) {
                    throw h.invalid(path, "global heap collection at " + address + " is damaged (signature or size "
                            + size + " does not fit the file)");
                }
            }
        } catch (IOException e) {
            throw h.invalid(path, "cannot read the string's global heap: " + e.getMessage());
        }
    }
}
