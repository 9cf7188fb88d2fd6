package org.sicube.jobs.bench;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InputFiles;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Two parts of {@code ingest} timed alone on one thread, to show where its time goes: the format
 * reader decoding every 32×32 block of the file, and the SHA-256 of the file's bytes that ingest
 * records in the store header (computed beside the Spark stage, so it shares the cores).
 */
final class IngestParts {
    private IngestParts() {
    }

    /** Reads every block of {@code file} in order; returns the sum of the counts (keeps the work live). */
    static double readAll(Path file) throws Exception {
        InputFile in = InputFiles.of(file.toString());
        double total = 0;
        try (SpectrumImageReader r = Formats.open(in)) {
            SpectrumImage h = r.header();
            for (BlockGrid.Tile t : new BlockGrid(h.ny(), h.nx(), 32, 32).tiles()) {
                total += r.readBlock(t.y0(), t.x0(), t.height(), t.width()).totalCounts();
            }
        }
        return total;
    }

    /** SHA-256 of {@code file}'s bytes, read in 1 MiB pieces. */
    static byte[] sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = InputFiles.of(file.toString()).open()) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    /** One line: median MB/s of each part over {@code runs} runs. */
    static JsonLine measure(Path rpl, Path raw, long inputBytes, int runs) throws Exception {
        List<Trials.Run> read = Trials.repeat(runs, () -> { }, () -> readAll(rpl));
        List<Trials.Run> sha = Trials.repeat(runs, () -> { }, () -> sha256(raw));
        double readS = Trials.median(read.stream().mapToDouble(Trials.Run::seconds).toArray());
        double shaS = Trials.median(sha.stream().mapToDouble(Trials.Run::seconds).toArray());
        return new JsonLine().put("what", "ingest_raw_parts").put("file", rpl.getFileName().toString())
                .put("input_mb", inputBytes / 1e6)
                .put("read_only_seconds", readS).put("read_only_mb_per_s", inputBytes / 1e6 / readS)
                .put("sha256_seconds", shaS).put("sha256_mb_per_s", inputBytes / 1e6 / shaS)
                .put("note", "each part alone on one thread; ingest runs them at once on the same cores");
    }
}
