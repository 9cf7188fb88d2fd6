package org.sicube.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A readable file on any file system (local disk or a Hadoop {@code FileSystem} such as HDFS),
 * with positioned reads so that each executor can open the file itself and read only its blocks.
 */
public interface InputFile extends Serializable {

    /** The location as the user gave it (a local path or a URI such as {@code hdfs://nn/x.raw}). */
    String location();

    /** The file name without directories, e.g. {@code map.rpl}. */
    String name();

    long length() throws IOException;

    /** Reads exactly {@code len} bytes starting at {@code position}, or fails naming the file and offset. */
    void readFully(long position, byte[] buffer, int offset, int len) throws IOException;

    /** A sequential stream from the start of the file (caller closes it). */
    InputStream open() throws IOException;

    /** A file next to this one, e.g. the {@code .raw} of a {@code .rpl}. */
    InputFile sibling(String fileName);

    boolean exists() throws IOException;

    /**
     * A path on the local disk holding this file's bytes, for libraries that need one (jhdf):
     * the file itself when it is local, otherwise a copy cached for the life of this JVM.
     */
    Path localPath() throws IOException;

    default byte[] readRange(long position, int len) throws IOException {
        byte[] b = new byte[len];
        readFully(position, b, 0, len);
        return b;
    }
}
