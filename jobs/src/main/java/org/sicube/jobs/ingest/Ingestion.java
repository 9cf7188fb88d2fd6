package org.sicube.jobs.ingest;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InputFiles;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.store.StoreWriter;

/**
 * Reading one input file into a store, shared by {@code ingest} and {@code pipeline}: the file's
 * header is read and checked when this is made (before Spark starts); {@link #write} reads the
 * blocks on the executors, hashes the file on the driver meanwhile, and commits the store.
 */
public final class Ingestion {
    private final InputFile file;
    private final ReaderOptions options;
    private final SpectrumImageFormat format;
    private final SpectrumImage header;
    private final BlockGrid grid;
    private final boolean countsRequired;

    public Ingestion(String input, Iterable<String> readerOptions, String blockSize, boolean countsRequired)
            throws IOException {
        this.file = InputFiles.of(input);
        this.options = ReaderOptions.parse(readerOptions);
        this.format = Formats.choose(file);
        int[] bs = BlockGrid.parseBlockSize(blockSize);
        try (SpectrumImageReader r = Formats.open(file, options)) {
            this.header = r.header();
        }
        this.grid = new BlockGrid(header.ny(), header.nx(), bs[0], bs[1]);
        this.countsRequired = countsRequired;
    }

    /** The file's header as its reader gives it (no totals or hash yet). */
    public SpectrumImage header() {
        return header;
    }

    public InputFile file() {
        return file;
    }

    /** Writes and commits the store at {@code out}; returns its header (with totals and the file's SHA-256). */
    public SpectrumImage write(SparkSession spark, AtomicOutput out) throws Exception {
        CompletableFuture<String> sha = CompletableFuture.supplyAsync(() -> Sha256.of(file));
        try {
            SpectrumImage written = StoreWriter.write(spark, new FileBlockSource(file, options, countsRequired),
                    header, grid, out, "ingest " + file.name());
            SpectrumImage done = written.withSource(file.location(), format.name(), sha.join());
            StoreWriter.commit(out, done, grid);
            return done;
        } catch (Exception | Error e) {
            out.abort();
            throw e;
        }
    }

    public String summary(SpectrumImage h, double seconds, String output) {
        return String.format(Locale.ROOT, "ingested %s (%s): %d×%d px × %d ch, energy %s, %.0f counts, %.1f s → %s",
                file.name(), format.name(), h.ny(), h.nx(), h.channels(), h.energy(), h.totalCounts(), seconds, output);
    }
}
