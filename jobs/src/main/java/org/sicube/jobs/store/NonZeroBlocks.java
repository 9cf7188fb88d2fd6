package org.sicube.jobs.store;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.run.RunDirectory;
import scala.Tuple2;

/**
 * A store's blocks as non-zero counts for the several passes of one run (the weighted Gram, the
 * score maps, the labels, the residuals). When their estimated size is small against the
 * executors' storage memory they are kept there after the first pass, so later passes neither read
 * nor decode the store again; otherwise every pass streams them from the store. Blocks that do not
 * fit after all are read again by Spark, so keeping them never changes a result.
 */
public final class NonZeroBlocks implements AutoCloseable {
    /** Largest share of the executors' free storage memory the kept blocks may take. */
    static final double MEMORY_SHARE = 0.5;
    /** Bytes per non-zero count in memory: its channel (int) and its value (float). */
    static final int BYTES_PER_NON_ZERO = 8;

    private final SparkSession spark;
    private final String store;
    private final JavaRDD<BlockNonZeros> kept;
    private final String reason;

    private NonZeroBlocks(SparkSession spark, String store, JavaRDD<BlockNonZeros> kept, String reason) {
        this.spark = spark;
        this.store = store;
        this.kept = kept;
        this.reason = reason;
    }

    /** Read from the store in every pass (a job that makes one pass, or a caller that wants no memory used). */
    public static NonZeroBlocks streamed(SparkSession spark, String store) {
        return new NonZeroBlocks(spark, store, null, "read from the store in every pass");
    }

    /** Kept in executor memory after the first pass when they fit in {@link #MEMORY_SHARE} of its free storage memory. */
    public static NonZeroBlocks keptIfSmall(SparkSession spark, String store, SpectrumImage h) throws IOException {
        long bytes = estimatedBytes(h);
        long free = freeStorageMemory(spark);
        String sizes = String.format(Locale.ROOT, "about %.0f MB of non-zero counts, %.0f MB of free storage memory",
                bytes / 1e6, free / 1e6);
        if (bytes > MEMORY_SHARE * free) {
            return new NonZeroBlocks(spark, store, null, "read from the store in every pass (" + sizes + ")");
        }
        JavaRDD<BlockNonZeros> rdd = BlockStore.readNonZeros(spark, store).persist(StorageLevel.MEMORY_ONLY());
        return new NonZeroBlocks(spark, store, rdd, "kept in executor memory after the first pass (" + sizes + ")");
    }

    /**
     * No pixel has more than E non-zeros, and integer counts have no more non-zeros than counts;
     * other data (preprocessed, or of unknown type) may be dense.
     */
    static long estimatedBytes(SpectrumImage h) {
        double cells = (double) h.spectra() * h.channels();
        boolean counts = h.dataType().startsWith("uint") || h.dataType().startsWith("int");
        double nonZeros = counts && h.totalCounts() >= 0 ? Math.min(h.totalCounts(), cells) : cells;
        return (long) Math.min(Long.MAX_VALUE, nonZeros * BYTES_PER_NON_ZERO + 4.0 * h.spectra());
    }

    /**
     * Free storage memory of the executors (the driver's block manager counts only in local mode);
     * 0 while none has registered, so that the blocks are then streamed.
     */
    private static long freeStorageMemory(SparkSession spark) {
        var status = spark.sparkContext().getExecutorMemoryStatus();
        String driver = spark.sparkContext().env().blockManager().blockManagerId().hostPort();
        boolean local = spark.sparkContext().isLocal();
        long free = 0;
        var it = status.iterator();
        while (it.hasNext()) {
            Tuple2<String, Tuple2<Object, Object>> e = it.next();
            if (local || !e._1().equals(driver)) {
                free += (Long) e._2()._2();
            }
        }
        return free;
    }

    public String store() {
        return store;
    }

    /** The blocks for one pass: the kept RDD, or a fresh read of the store. */
    public JavaRDD<BlockNonZeros> rdd() throws IOException {
        return kept != null ? kept : BlockStore.readNonZeros(spark, store);
    }

    /** The blocks whose origin is in {@code origins} (keys of {@link BlockStore#origin}). */
    public JavaRDD<BlockNonZeros> rdd(Set<Long> origins) throws IOException {
        if (kept == null) {
            return BlockStore.readNonZeros(spark, store, origins);
        }
        Set<Long> keys = new HashSet<>(origins);
        return kept.filter(b -> keys.contains(BlockStore.origin(b.y0(), b.x0())));
    }

    /** Whether the blocks are kept in memory and why, for the console and the manifest. */
    public String reason() {
        return reason;
    }

    /** States on the console and in the run's manifest whether the blocks are kept in memory. */
    public NonZeroBlocks reportTo(RunDirectory run) {
        System.out.println("blocks: non-zero counts " + reason);
        run.manifest().config(Map.of("blocks", "non-zero counts " + reason));
        return this;
    }

    /** Releases the kept blocks. */
    @Override
    public void close() {
        if (kept != null) {
            kept.unpersist(false);
        }
    }
}
