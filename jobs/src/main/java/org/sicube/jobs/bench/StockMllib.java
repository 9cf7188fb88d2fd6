package org.sicube.jobs.bench;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sicube.jobs.store.BlockStore;

/**
 * The stock MLlib way to the same result, for comparison: every spectrum of the store as a dense
 * {@code Vectors.dense(double[E])} in a cached RDD, {@link RowMatrix#computePrincipalComponentsAndExplainedVariance}
 * (covariance by per-row {@code dspr}, then an eigen-decomposition), the rows projected on the
 * components and cached, then MLlib {@link KMeans} (k-means||, same seed and iteration cap as the
 * phasemap stage) on the projected rows.
 */
final class StockMllib {
    private JavaRDD<Vector> spectra;
    private RowMatrix matrix;
    private Matrix components;
    private JavaRDD<Vector> projected;

    /** Caches the store's spectra as dense double vectors (E × 8 bytes each) and materialises them. */
    long cache(SparkSession spark, String store) throws Exception {
        spectra = BlockStore.readBlocks(spark, store).flatMap(b -> {
            java.util.List<Vector> rows = new java.util.ArrayList<>(b.pixels());
            float[] c = b.counts();
            int e = b.channels();
            for (int n = 0; n < b.pixels(); n++) {
                double[] row = new double[e];
                for (int i = 0; i < e; i++) {
                    row[i] = c[n * e + i];
                }
                rows.add(Vectors.dense(row));
            }
            return rows.iterator();
        }).persist(StorageLevel.MEMORY_ONLY());
        long n = spectra.count();
        int channels = BlockStore.readHeader(store, spark.sparkContext().hadoopConfiguration()).header().channels();
        matrix = new RowMatrix(spectra.rdd(), n, channels);
        return n;
    }

    void pca(int k) {
        components = matrix.computePrincipalComponentsAndExplainedVariance(k)._1();
    }

    /** Projects the cached rows on the components and caches the K-vectors. */
    void project() {
        if (projected != null) {
            projected.unpersist(true);
        }
        projected = matrix.multiply(components).rows().toJavaRDD().persist(StorageLevel.MEMORY_ONLY());
        projected.count();
    }

    void kmeans(int phases, int iterations, long seed) {
        new KMeans().setK(phases).setSeed(seed).setMaxIterations(iterations).setInitializationMode("k-means||")
                .run(projected.rdd());
    }

    void release() {
        if (projected != null) {
            projected.unpersist(true);
        }
        if (spectra != null) {
            spectra.unpersist(true);
        }
    }
}
