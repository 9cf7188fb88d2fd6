package org.sicube.jobs.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.datasets.store.SumSpectrumJson;
import org.sicube.jobs.core.AtomicOutput;

/**
 * The pixel-block store: a directory on any Hadoop file system holding {@code header.json},
 * {@code blocks/} (Parquet, one row per block; schema in {@link StoreRows}) and, when its writer
 * knew it, {@code sum_spectrum.json}.
 */
public final class BlockStore {
    public static final String BLOCKS = "blocks";

    private BlockStore() {
    }

    /** True when {@code location} is a directory holding a store header. */
    public static boolean isStore(String location, Configuration conf) throws IOException {
        Path p = new Path(location);
        FileSystem fs = p.getFileSystem(conf);
        return fs.exists(new Path(p, HeaderJson.FILE_NAME));
    }

    public static HeaderJson.Parsed readHeader(String location, Configuration conf) throws IOException {
        Path file = new Path(location, HeaderJson.FILE_NAME);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            throw new InvalidInputException(location + ": not a sicube block store (no " + HeaderJson.FILE_NAME
                    + "); create one with 'sicube ingest'");
        }
        try (InputStream in = fs.open(file)) {
            return HeaderJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
        }
    }

    /** The store's blocks in no particular order, decoded lazily on the executors. */
    public static JavaRDD<PixelBlock> readBlocks(SparkSession spark, String location) throws IOException {
        HeaderJson.Parsed h = readHeader(location, spark.sparkContext().hadoopConfiguration());
        int channels = h.header().channels();
        String where = location;
        return spark.read().parquet(new Path(location, BLOCKS).toString()).javaRDD()
                .map(row -> StoreRows.toBlock(row, channels, where));
    }

    /**
     * Only the blocks whose origin {@code (y0, x0)} is in {@code origins} (keys of {@link #origin}),
     * chosen before decoding: a pass over a few blocks costs little more than reading their rows.
     */
    public static JavaRDD<PixelBlock> readBlocks(SparkSession spark, String location, java.util.Set<Long> origins)
            throws IOException {
        HeaderJson.Parsed h = readHeader(location, spark.sparkContext().hadoopConfiguration());
        int channels = h.header().channels();
        String where = location;
        java.util.Set<Long> keys = new java.util.HashSet<>(origins);
        return spark.read().parquet(new Path(location, BLOCKS).toString()).javaRDD()
                .filter(row -> keys.contains(origin(row.getInt(0), row.getInt(1))))
                .map(row -> StoreRows.toBlock(row, channels, where));
    }

    /** The key of the block whose first pixel is (y0, x0). */
    public static long origin(int y0, int x0) {
        return ((long) y0 << 32) | (x0 & 0xFFFFFFFFL);
    }

    /**
     * Writes {@code blocks} and the header into the temporary directory of {@code out}; the caller
     * commits. Returns nothing: totals are gathered by the caller's accumulators while this runs.
     */
    public static void writeBlocks(SparkSession spark, JavaRDD<PixelBlock> blocks, AtomicOutput out) {
        writeRows(spark, blocks.map(StoreRows::toRow), out);
    }

    /** As {@link #writeBlocks}, from rows already made by {@link StoreRows#toRow}. */
    public static void writeRows(SparkSession spark, JavaRDD<Row> rows, AtomicOutput out) {
        Dataset<Row> df = spark.createDataFrame(rows, StoreRows.SCHEMA);
        // Blocks are megabytes of binary each: a dictionary never pays, and zstd level 1 compresses
        // 2–4× faster than the default 3 for 5–10 % more bytes (dense float data barely compresses).
        // Parquet checks a page's size only every 100 rows at first, which made one page of a whole
        // file's blocks (hundreds of MB, decompressed at once by readers): check after every row, so
        // each block is a page of its own. Min/max statistics of the counts copy every new extreme
        // block and are left out of the footer anyway (larger than 4 KB): off for that column.
        df.write().option("parquet.enable.dictionary", "false").option("parquet.compression.codec.zstd.level", "1")
                .option("parquet.page.size.row.check.min", "1").option("parquet.page.size.row.check.max", "1")
                .option("parquet.column.statistics.enabled#counts", "false")
                .parquet(new Path(out.temporary(), BLOCKS).toString());
    }

    public static void writeHeader(AtomicOutput out, String headerJson) throws IOException {
        writeText(out, HeaderJson.FILE_NAME, headerJson);
    }

    /** Writes {@code sum_spectrum.json} beside the blocks (nothing when {@code spectrum} is null: unknown). */
    public static void writeSumSpectrum(AtomicOutput out, double[] spectrum) throws IOException {
        if (spectrum != null) {
            writeText(out, SumSpectrumJson.FILE_NAME, SumSpectrumJson.write(spectrum));
        }
    }

    /** The sum spectrum the store recorded, or null when it has none (older stores). */
    public static double[] readSumSpectrum(String location, Configuration conf, int channels) throws IOException {
        Path file = new Path(location, SumSpectrumJson.FILE_NAME);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            return null;
        }
        try (InputStream in = fs.open(file)) {
            return SumSpectrumJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString(), channels);
        }
    }

    private static void writeText(AtomicOutput out, String name, String text) throws IOException {
        try (OutputStream o = out.fileSystem().create(new Path(out.temporary(), name), true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
