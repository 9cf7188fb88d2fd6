package org.sicube.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.jobs.core.UserErrors;

/**
 * Ingests every file under a directory whose extension a sicube format claims (a Ripple
 * {@code .rpl} counts with its {@code .raw}), one line each; a file that cannot be ingested gets a
 * line with its {@code error} instead of stopping the bench. Files under {@value #TINY_MB} MB are
 * flagged in {@code note}: their time is mostly the per-job cost, not reading.
 */
final class MeasuredFiles {
    static final int TINY_MB = 64;

    /** One ingest measurement of a file: {@code what}, input, input bytes, note. */
    interface Ingest {
        JsonLine run(String what, Path input, long inputBytes, String note) throws Exception;
    }

    private final Path dir;
    private final Ingest ingest;
    private final Consumer<JsonLine> emit;

    MeasuredFiles(Path dir, Ingest ingest, Consumer<JsonLine> emit) {
        this.dir = dir;
        this.ingest = ingest;
        this.emit = emit;
    }

    void run() throws IOException {
        if (!Files.isDirectory(dir)) {
            emit.accept(new JsonLine().put("what", "ingest_file").put("error", "no data directory " + dir
                    + "; pass --data DIR"));
            return;
        }
        for (Path file : supported()) {
            long bytes = inputBytes(file);
            String note = bytes < TINY_MB * 1_000_000L
                    ? "tiny file (" + String.format(Locale.ROOT, "%.2f", bytes / 1e6)
                    + " MB): the time is mostly the per-job cost (Spark job, Parquet commit), not reading"
                    : "";
            try {
                emit.accept(ingest.run("ingest_file", file, bytes, note));
            } catch (Exception e) {
                String m = UserErrors.userMessage(e);
                emit.accept(new JsonLine().put("what", "ingest_file").put("file", dir.relativize(file).toString())
                        .put("error", m != null ? m : e.toString()));
            }
        }
    }

    private List<Path> supported() throws IOException {
        Set<String> extensions = new HashSet<>();
        for (SpectrumImageFormat f : Formats.all()) {
            extensions.addAll(f.extensions());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> extensions.contains(extension(p))).sorted().toList();
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The file's bytes, plus its .raw for a Ripple header. */
    private static long inputBytes(Path file) throws IOException {
        long bytes = Files.size(file);
        if (extension(file).equals("rpl")) {
            Path raw = RawFixture.rawOf(file);
            if (Files.isRegularFile(raw)) {
                bytes += Files.size(raw);
            }
        }
        return bytes;
    }
}
