package org.sicube.jobs.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.sicube.datasets.writers.hspy.HspyFile;
import org.sicube.jobs.core.AtomicOutput;

/**
 * A job's run directory (maps, spectra, results.hspy, report.html, manifest.json) on any Hadoop
 * file system, written under a temporary name and renamed into place by {@link #commit()}.
 * Files that a library must write to a local path (HDF5) are staged locally and copied in.
 */
public final class RunDirectory implements AutoCloseable {
    /** The HyperSpy file of a run's results. */
    public static final String RESULTS = "results.hspy";
    private final AtomicOutput out;
    private final Manifest manifest;
    private Path staging;
    private HspyFile results;
    private boolean committed;

    private RunDirectory(AtomicOutput out, Manifest manifest) {
        this.out = out;
        this.manifest = manifest;
    }

    /** Starts a run directory at {@code location}; see {@link AtomicOutput#begin} for the checks. */
    public static RunDirectory begin(String location, boolean overwrite, Configuration conf, String job,
            String... inputs) throws IOException {
        return new RunDirectory(AtomicOutput.begin(location, overwrite, conf, inputs), new Manifest(job));
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Where a sub-directory such as a store goes while the run is being written. */
    public String location(String name) {
        return new org.apache.hadoop.fs.Path(out.temporary(), name).toString();
    }

    /** The final location of the run directory. */
    public String target() {
        return out.target().toString();
    }

    public OutputStream create(String name) throws IOException {
        return out.fileSystem().create(new org.apache.hadoop.fs.Path(out.temporary(), name), true);
    }

    public void writeString(String name, String text) throws IOException {
        try (OutputStream o = create(name)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A local file to write {@code name} into; it is copied into the run directory on {@link #commit()}. */
    public Path localFile(String name) throws IOException {
        if (staging == null) {
            staging = Files.createTempDirectory("sicube-run-");
        }
        return staging.resolve(name);
    }

    /**
     * {@value #RESULTS}: the stages of a run add their HyperSpy signals here, and {@link #commit()}
     * writes them as one file, listed in the manifest with its signals' titles.
     */
    public HspyFile results() throws IOException {
        if (results == null) {
            results = HspyFile.create(localFile(RESULTS));
        }
        return results;
    }

    /** Writes the results file, report and manifest, copies staged files in, and renames the directory into place. */
    public void commit() throws IOException {
        if (results != null && !results.groupNames().isEmpty()) {
            results.write();
            manifest.output(RESULTS, "HyperSpy signals: " + String.join(", ", results.groupNames()));
        }
        if (staging != null) {
            try (var files = Files.list(staging)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    out.fileSystem().copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(f.toUri()),
                            new org.apache.hadoop.fs.Path(out.temporary(), f.getFileName().toString()));
                }
            }
        }
        manifest.output(ReportHtml.FILE_NAME, "this page");
        writeString(ReportHtml.FILE_NAME, ReportHtml.render(manifest.finish()));
        writeString(Manifest.FILE_NAME, manifest.toJson());
        out.commit();
        committed = true;
        deleteStaging();
    }

    /** Removes everything of a run that was not committed. */
    @Override
    public void close() {
        if (!committed) {
            out.abort();
            deleteStaging();
        }
    }

    private void deleteStaging() {
        if (staging != null) {
            try (var walk = Files.walk(staging)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("sicube: could not remove " + staging + ": " + e.getMessage());
            }
            staging = null;
        }
    }
}
