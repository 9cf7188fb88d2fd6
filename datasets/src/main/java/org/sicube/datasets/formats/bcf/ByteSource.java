package org.sicube.datasets.formats.bcf;

import java.io.IOException;

/**
 * Random access to the bytes of one virtual file inside a {@code .bcf} container, after any
 * decompression: offsets run from 0 to {@link #length()} (bytes).
 */
interface ByteSource {

    /** Path of the virtual file inside the container, e.g. {@code EDSDatabase/SpectrumData0}. */
    String name();

    /** Length in bytes of the (decompressed) virtual file. */
    long length();

    /** Copies exactly {@code len} bytes starting at {@code position} into {@code dst[off..off+len)}. */
    void read(long position, byte[] dst, int off, int len) throws IOException;
}
