package org.sicube.datasets.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file on the local disk. */
public final class LocalInputFile implements InputFile {
    private final String path;

    public LocalInputFile(Path path) {
        this.path = path.toAbsolutePath().normalize().toString();
    }

    @Override
    public String location() {
        return path;
    }

    @Override
    public String name() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public long length() throws IOException {
        return Files.size(Path.of(path));
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int len) throws IOException {
        try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.wrap(buffer, offset, len);
            long pos = position;
            while (bb.hasRemaining()) {
                int n = ch.read(bb, pos);
                if (n < 0) {
                    throw new EOFException(path + ": file ends at byte " + pos + " but " + (position + len)
                            + " bytes are needed");
                }
                pos += n;
            }
        }
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(Path.of(path));
    }

    @Override
    public InputFile sibling(String fileName) {
        Path parent = Path.of(path).getParent();
        return new LocalInputFile(parent == null ? Path.of(fileName) : parent.resolve(fileName));
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(Path.of(path));
    }

    @Override
    public Path localPath() {
        return Path.of(path);
    }

    @Override
    public String toString() {
        return path;
    }
}
