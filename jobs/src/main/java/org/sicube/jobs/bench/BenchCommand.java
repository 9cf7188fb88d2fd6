package org.sicube.jobs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sicube.jobs.core.BlasInfo;
import org.sicube.jobs.core.SparkSessions;
import org.sicube.jobs.core.UserErrors;
import picocli.CommandLine.Option;

/**
 * What every benchmark shares: one Spark session for all its runs (its start-up timed once and
 * reported on its own line, with the master and the cores), JSON lines on stdout, progress and job
 * summaries on stderr, and the exit codes of the jobs (0 done, 2 user error, 1 internal error).
 */
abstract class BenchCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "3", description = "Runs per measurement; the median is reported.")
    int runs;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", description = "Spark master.")
    String master;

    @Option(names = "--work", defaultValue = "${sys:sicube.bench.work:-target/bench}", paramLabel = "DIR",
            description = "Work directory for generated inputs (kept between runs) and outputs.")
    Path work;

    /** Runs the measurements in {@code spark}, printing each with {@link #emit}. */
    protected abstract void measure(SparkSession spark) throws Exception;

    protected void emit(JsonLine line) {
        System.out.println(line);
        System.out.flush();
    }

    @Override
    public Integer call() {
        SparkSessions.configureLogging(false);
        try {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs " + runs + " must be at least 1");
            }
            Files.createDirectories(work);
            long t0 = System.nanoTime();
            SparkSession spark = SparkSessions.start("sicube bench", master, Map.of());
            double startup = (System.nanoTime() - t0) / 1e9;
            try {
                emit(environment(spark));
                emit(new JsonLine().put("what", "spark_startup").put("seconds", startup)
                        .put("note", "paid once per JVM; not part of the measurements below"));
                measure(spark);
            } finally {
                spark.stop();
            }
            return 0;
        } catch (Throwable t) {
            String message = UserErrors.userMessage(t);
            if (message != null) {
                System.err.println("sicube bench: " + message);
                return 2;
            }
            System.err.println("sicube bench: internal error: " + t);
            t.printStackTrace(System.err);
            return 1;
        }
    }

    private JsonLine environment(SparkSession spark) {
        return new JsonLine().put("what", "environment")
                .put("master", spark.sparkContext().master())
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("default_parallelism", spark.sparkContext().defaultParallelism())
                .put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1e6)
                // other users' load on a shared machine explains slow runs
                .put("load_average_1min", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage())
                .put("java", System.getProperty("java.version"))
                .put("spark", spark.version())
                .put("blas", BlasInfo.implementation())
                .put("blas_native", BlasInfo.isNative())
                .put("blas_note", BlasInfo.note())
                // how long OpenBLAS's idle threads spin (scripts/lib/build.sh sets it); unset means its default
                .put("openblas_thread_timeout", System.getenv("OPENBLAS_THREAD_TIMEOUT"))
                .put("runs", runs)
                .put("work", work.toAbsolutePath().toString());
    }
}
