package org.sicube.datasets.formats.bcf;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.file.Path;
import org.sicube.datasets.io.InputFile;

/** An in-memory file for tests that feed the reader many altered copies without touching the disk. */
final class BytesInputFile implements InputFile {
    private final String location;
    private final byte[] bytes;

    BytesInputFile(String location, byte[] bytes) {
        this.location = location;
        this.bytes = bytes;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String name() {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int len) throws EOFException {
        if (position < 0 || position + len > bytes.length) {
            throw new EOFException(location + ": file ends at byte " + bytes.length + " but " + (position + len)
                    + " bytes are needed");
        }
        System.arraycopy(bytes, (int) position, buffer, offset, len);
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public InputFile sibling(String fileName) {
        throw new UnsupportedOperationException("in-memory test file has no siblings");
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public Path localPath() {
        throw new UnsupportedOperationException("in-memory test file has no local path");
    }
}
