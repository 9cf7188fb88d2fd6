package org.sicube.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * A file on a Hadoop {@code FileSystem} ({@code hdfs://}, {@code s3a://}, ...). Positioned reads go
 * through {@link FSDataInputStream#readFully(long, byte[], int, int)}, so readers never stream a
 * whole file to read one block.
 */
public final class HadoopInputFile implements InputFile {
    private static final ConcurrentHashMap<String, Path> LOCAL_COPIES = new ConcurrentHashMap<>();

    private final String uri;

    public HadoopInputFile(String uri) {
        this.uri = uri;
    }

    private org.apache.hadoop.fs.Path hpath() {
        return new org.apache.hadoop.fs.Path(uri);
    }

    private FileSystem fs() throws IOException {
        return hpath().getFileSystem(new Configuration());
    }

    @Override
    public String location() {
        return uri;
    }

    @Override
    public String name() {
        return hpath().getName();
    }

    @Override
    public long length() throws IOException {
        return fs().getFileStatus(hpath()).getLen();
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int len) throws IOException {
        try (FSDataInputStream in = fs().open(hpath())) {
            in.readFully(position, buffer, offset, len);
        } catch (java.io.EOFException e) {
            throw new java.io.EOFException(uri + ": file ends before byte " + (position + len));
        }
    }

    @Override
    public InputStream open() throws IOException {
        return fs().open(hpath());
    }

    @Override
    public InputFile sibling(String fileName) {
        return new HadoopInputFile(new org.apache.hadoop.fs.Path(hpath().getParent(), fileName).toString());
    }

    @Override
    public boolean exists() throws IOException {
        FileSystem fs = fs();
        return fs.exists(hpath()) && fs.getFileStatus(hpath()).isFile();
    }

    @Override
    public Path localPath() throws IOException {
        FileStatus st = fs().getFileStatus(hpath());
        String key = uri + "@" + st.getModificationTime() + ":" + st.getLen();
        Path cached = LOCAL_COPIES.get(key);
        if (cached != null && Files.exists(cached)) {
            return cached;
        }
        synchronized (LOCAL_COPIES) {
            cached = LOCAL_COPIES.get(key);
            if (cached != null && Files.exists(cached)) {
                return cached;
            }
            Path tmp = Files.createTempFile("sicube-", "-" + name());
            tmp.toFile().deleteOnExit();
            try (InputStream in = open(); OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            LOCAL_COPIES.put(key, tmp);
            return tmp;
        }
    }

    @Override
    public String toString() {
        return uri;
    }
}
