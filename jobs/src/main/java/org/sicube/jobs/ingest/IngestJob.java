package org.sicube.jobs.ingest;

import java.util.List;
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
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.store.StoreWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ingest}: any supported spectrum-image file (local or {@code hdfs://}) to a block store. */
@Command(name = "ingest", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Read a spectrum image (any supported format, local path or hdfs:// URI) into a pixel-block store.")
public final class IngestJob extends SparkJob {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Spectrum-image file to read.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "STORE", description = "Store directory to create.")
    String output;

    @Option(names = "--block", defaultValue = "32x32", paramLabel = "HxW", description = "Block size in pixels.")
    String block;

    @Option(names = "--reader-option", paramLabel = "KEY=VALUE",
            description = "Format-specific choice, e.g. signal=EELS480, frames=0-9, bin=4; repeatable.")
    List<String> readerOptions = List.of();

    @Option(names = "--overwrite", description = "Replace an existing store at --output.")
    boolean overwrite;

    @Option(names = "--allow-non-counts",
            description = "Accept negative, NaN or infinite values (processed data); by default every value must be a count.")
    boolean allowNonCounts;

    private InputFile file;
    private ReaderOptions options;
    private SpectrumImageFormat format;
    private SpectrumImage header;
    private BlockGrid grid;

    @Override
    protected void validate() throws Exception {
        file = InputFiles.of(input);
        options = ReaderOptions.parse(readerOptions);
        format = Formats.choose(file);
        int[] bs = BlockGrid.parseBlockSize(block);
        try (SpectrumImageReader r = Formats.open(file, options)) {
            header = r.header();
        }
        grid = new BlockGrid(header.ny(), header.nx(), bs[0], bs[1]);
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<String> sha = CompletableFuture.supplyAsync(() -> Sha256.of(file));
        AtomicOutput out = AtomicOutput.begin(output, overwrite, spark.sparkContext().hadoopConfiguration(), input);
        try {
            SpectrumImage written = StoreWriter.write(spark, new FileBlockSource(file, options, !allowNonCounts), header, grid, out,
                    "ingest " + file.name());
            SpectrumImage done = written.withSource(file.location(), format.name(), sha.join());
            StoreWriter.commit(out, done, grid);
            System.out.println(summary(done, (System.nanoTime() - start) / 1e9));
        } catch (Exception | Error e) {
            out.abort();
            throw e;
        }
    }

    private String summary(SpectrumImage h, double seconds) {
        return String.format(Locale.ROOT, "ingested %s (%s): %d×%d px × %d ch, energy %s, %.0f counts, %.1f s → %s",
                file.name(), format.name(), h.ny(), h.nx(), h.channels(), h.energy(), h.totalCounts(), seconds, output);
    }
}
