package org.sicube.jobs.core;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sicube.datasets.io.InvalidInputException;

/**
 * An output directory written under a temporary name beside its target and renamed into place
 * when complete, so a failed or interrupted job never leaves a partial result where a complete one
 * is expected. Works on any Hadoop file system (local disk, HDFS).
 */
public final class AtomicOutput {
    private final FileSystem fs;
    private final Path target;
    private final Path temporary;
    private final boolean overwrite;
    private boolean finished;

    private AtomicOutput(FileSystem fs, Path target, boolean overwrite) {
        this.fs = fs;
        this.target = target;
        this.overwrite = overwrite;
        this.temporary = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
    }

    /**
     * Starts writing {@code location}. Fails if it exists and {@code overwrite} is false, or if it is
     * (or contains) one of the job's {@code inputs}: a user's input is never overwritten.
     */
    public static AtomicOutput begin(String location, boolean overwrite, Configuration conf, String... inputs)
            throws IOException {
        Path target = new Path(location);
        FileSystem fs = target.getFileSystem(conf);
        // No .crc side files on local disk: outputs are for people and other tools to read.
        fs.setWriteChecksum(false);
        target = fs.makeQualified(target);
        for (String in : inputs) {
            Path p = new Path(in);
            p = p.getFileSystem(conf).makeQualified(p);
            for (Path q = p; q != null; q = q.getParent()) {
                if (q.equals(target)) {
                    throw new InvalidInputException(location + ": the output would replace the input " + in
                            + "; choose another --output");
                }
            }
        }
        if (fs.exists(target) && !overwrite) {
            throw new InvalidInputException(location + ": already exists; choose another --output or pass --overwrite");
        }
        if (target.getParent() != null) {
            fs.mkdirs(target.getParent());
        }
        AtomicOutput out = new AtomicOutput(fs, target, overwrite);
        fs.mkdirs(out.temporary);
        return out;
    }

    /** The directory to write into until {@link #commit()}. */
    public Path temporary() {
        return temporary;
    }

    public Path target() {
        return target;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /** Moves the finished output into place (replacing an old one only when overwriting was asked for). */
    public void commit() throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new InvalidInputException(target + ": appeared while the job ran; the result is kept at " + temporary);
            }
            old = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
            rename(target, old);
        }
        rename(temporary, target);
        finished = true;
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** Removes the temporary directory of an output that will not be committed. */
    public void abort() {
        if (!finished) {
            try {
                fs.delete(temporary, true);
            } catch (IOException e) {
                System.err.println("sicube: could not remove the temporary output " + temporary + ": " + e.getMessage());
            }
            finished = true;
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }
}
