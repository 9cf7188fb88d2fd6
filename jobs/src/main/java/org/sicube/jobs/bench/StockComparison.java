package org.sicube.jobs.bench;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Times the {@link StockMllib} path on one store: the cache of dense vectors once (reported, not
 * counted), then the PCA, the projection and K-means, each the median of the runs; one JSON line
 * per step.
 */
final class StockComparison {
    /** Median seconds of the PCA and the stock total: PCA + projection + K-means. */
    record Result(double pca, double total) {
    }

    private final SparkSession spark;
    private final String store;
    private final long spectra;
    private final int channels;
    private final int runs;
    private final Consumer<JsonLine> emit;

    StockComparison(SparkSession spark, String store, long spectra, int channels, int runs, Consumer<JsonLine> emit) {
        this.spark = spark;
        this.store = store;
        this.spectra = spectra;
        this.channels = channels;
        this.runs = runs;
        this.emit = emit;
    }

    Result run(int components, int phases, int iterations, long seed) throws Exception {
        StockMllib stock = new StockMllib();
        try {
            List<Trials.Run> cache = Trials.repeat(1, () -> { }, () -> stock.cache(spark, store));
            emit.accept(Report.summary("stock_cache", spectra, channels, 0, cache)
                    .put("dense_f64_mb", spectra * (double) channels * Double.BYTES / 1e6)
                    .put("note", "store blocks to cached Vectors.dense rows; once, not counted in the ratio")
                    .put("runs", Report.runs(cache)));
            double pca = step("stock_pca", "RowMatrix.computePrincipalComponentsAndExplainedVariance(" + components + ")",
                    () -> stock.pca(components));
            double project = step("stock_project", "rows x components, cached (the KMeans input)", stock::project);
            double kmeans = step("stock_kmeans", "MLlib KMeans k=" + phases + ", k-means||, at most " + iterations
                    + " iterations, on the projected rows", () -> stock.kmeans(phases, iterations, seed));
            return new Result(pca, pca + project + kmeans);
        } finally {
            stock.release();
        }
    }

    private double step(String what, String note, Trials.Work work) throws Exception {
        List<Trials.Run> r = Trials.repeat(runs, () -> { }, work);
        JsonLine line = Report.summary(what, spectra, channels, 0, r).put("note", note);
        double seconds = (Double) line.get("seconds");
        emit.accept(line.put("runs", Report.runs(r)));
        return seconds;
    }
}
