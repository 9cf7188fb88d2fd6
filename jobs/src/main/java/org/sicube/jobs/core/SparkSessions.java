package org.sicube.jobs.core;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session a job runs in. Under {@code spark-submit} the master comes from the
 * submitter; from {@code scripts/sicube} it is {@code local[*]} unless {@code --master} says
 * otherwise. Logging is quiet (warnings only) unless verbose.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static void configureLogging(boolean verbose) {
        Level level = verbose ? Level.INFO : Level.WARN;
        Configurator.setRootLevel(level);
        Configurator.setLevel("org.apache.spark", level);
        Configurator.setLevel("org.apache.hadoop", verbose ? Level.INFO : Level.ERROR);
        Configurator.setLevel("org.apache.parquet", verbose ? Level.INFO : Level.ERROR);
        // Spark warns about loopback and native libraries on every laptop (Utils, below); keep that out of quiet runs.
        Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
        // jhdf warns about harmless padding in attribute messages on every file it opens.
        Configurator.setLevel("io.jhdf", verbose ? Level.INFO : Level.ERROR);
        // A task that fails on bad input is reported by the job as one line naming the file; in a
        // quiet run Spark's own task-failure logs would repeat it with stack traces. Internal
        // errors still print their trace, and --verbose shows everything.
        for (String taskLog : new String[] {"org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager",
            "org.apache.spark.util.SparkUncaughtExceptionHandler", "org.apache.spark.util.Utils",
            "org.apache.spark.sql.execution.datasources.FileFormatWriter"}) {
            Configurator.setLevel(taskLog, verbose ? Level.INFO : Level.OFF);
        }
    }

    public static SparkSession start(String appName, String master, Map<String, String> extraConf) {
        SparkConf conf = new SparkConf(true).setAppName(appName);
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.driver.host", "127.0.0.1");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
        // Store rows are blocks of megabytes: batches of one row keep the Parquet reader's column
        // buffers at one block instead of regrowing them towards a whole row group in every task.
        conf.setIfMissing("spark.sql.parquet.columnarReaderBatchSize", "1");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        // Stores are written as files of about 16 blocks (StoreWriter): reading one file per partition
        // keeps the cores evenly busy, where Spark's 128 MB packing turns a sparse 10^6-spectrum store
        // (87 MB) into three partitions for two cores, one of which then runs alone.
        conf.setIfMissing("spark.sql.files.maxPartitionBytes", "8m");
        // A partial Gram is E(E+1)/2 doubles (17 MB at E = 2048). Results above 1 MB go through the
        // block manager, which the driver then fetches: 60-130 ms a task, where one in the status
        // message costs its deserialisation only. Spark caps this at spark.rpc.message.maxSize.
        conf.setIfMissing("spark.task.maxDirectResultSize", "64m");
        extraConf.forEach(conf::set);
        String hint = BlasInfo.localModeHint(conf.get("spark.master"));
        if (hint != null) {
            System.err.println(hint);
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
