package org.sicube.jobs.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.BlockNonZeros;
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
        int channels = channels(spark, location);
        return rows(spark, location).map(row -> StoreRows.toBlock(row, channels, location));
    }

    /** The store's blocks as non-zero counts ({@link BlockNonZeros}), for passes that need only those. */
    public static JavaRDD<BlockNonZeros> readNonZeros(SparkSession spark, String location) throws IOException {
        int channels = channels(spark, location);
        return rows(spark, location).map(row -> StoreRows.toNonZeros(row, channels, location));
    }

    /**
     * As {@link #readNonZeros}, only the blocks whose origin {@code (y0, x0)} is in {@code origins}
     * (keys of {@link #origin}), chosen before decoding: a pass over a few blocks costs little more
     * than reading their rows.
     */
    public static JavaRDD<BlockNonZeros> readNonZeros(SparkSession spark, String location, java.util.Set<Long> origins)
            throws IOException {
        int channels = channels(spark, location);
        java.util.Set<Long> keys = new java.util.HashSet<>(origins);
        return rows(spark, location).filter(row -> keys.contains(origin(row.getInt(0), row.getInt(1))))
                .map(row -> StoreRows.toNonZeros(row, channels, location));
    }

    private static int channels(SparkSession spark, String location) throws IOException {
        return readHeader(location, spark.sparkContext().hadoopConfiguration()).header().channels();
    }

    private static JavaRDD<Row> rows(SparkSession spark, String location) {
        return spark.read().parquet(new Path(location, BLOCKS).toString()).javaRDD();
    }

    /** The key of the block whose first pixel is (y0, x0). */
    public static long origin(int y0, int x0) {
        return ((long) y0 << 32) | (x0 & 0xFFFFFFFFL);
    }

    /**
     * Writes {@code blocks} and the header into the temporary directory of {@code out}; the caller
     * commits. Returns nothing: totals are gathered by the caller's accumulators while this runs.
     */
    public static void writeBlocks(SparkSession spark, JavaRDD<PixelBlock> blocks, AtomicOutput out) throws IOException {
        writeRows(spark, blocks.map(StoreRows::toRow), out);
    }

    /**
     * As {@link #writeBlocks}, from rows already made by {@link StoreRows#toRow}: one Parquet file
     * per non-empty partition ({@link BlockFileWriter}), written by the tasks.
     */
    public static void writeRows(SparkSession spark, JavaRDD<Row> rows, AtomicOutput out) throws IOException {
        Path dir = new Path(out.temporary(), BLOCKS);
        out.fileSystem().mkdirs(dir);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableWritable<Configuration>> conf =
                sc.broadcast(new SerializableWritable<>(new Configuration(sc.hadoopConfiguration())));
        String where = dir.toString();
        String job = UUID.randomUUID().toString();
        try {
            rows.foreachPartition(it -> BlockFileWriter.write(it, where, job, conf.value().value()));
        } finally {
            conf.destroy();
        }
        BlockFileWriter.finish(out.fileSystem(), dir);
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
