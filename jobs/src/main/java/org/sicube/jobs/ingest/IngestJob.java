package org.sicube.jobs.ingest;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.core.SparkJob;
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

    private Ingestion ingestion;

    @Override
    protected void validate() throws Exception {
        ingestion = new Ingestion(input, readerOptions, block, !allowNonCounts);
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        long start = System.nanoTime();
        AtomicOutput out = AtomicOutput.begin(output, overwrite, spark.sparkContext().hadoopConfiguration(), input);
        SpectrumImage done = ingestion.write(spark, out);
        System.out.println(ingestion.summary(done, (System.nanoTime() - start) / 1e9, output));
    }
}
