package org.sicube.jobs.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * A job that runs on Spark: validate the options before Spark starts, start (or join) the session,
 * run, and stop the session in {@code finally} if this job started it.
 */
public abstract class SparkJob extends JobCommand {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (default from scripts/sicube), local[N], spark://host:port; under spark-submit the submitter's.")
    protected String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "Extra Spark setting; repeatable.")
    protected List<String> sparkConf = List.of();

    /** Checks options and inputs that can be checked without Spark; throws on a user error. */
    protected void validate() throws Exception {
    }

    /** Does the work in a running session. */
    protected abstract void run(SparkSession spark) throws Exception;

    @Override
    protected final void execute() throws Exception {
        validate();
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession session = SparkSessions.start("sicube " + jobName(), master, parseConf());
        try {
            run(session);
        } finally {
            if (ownSession) {
                session.stop();
            }
        }
    }

    private Map<String, String> parseConf() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : sparkConf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--spark-conf '" + kv + "' must look like key=value");
            }
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }
}
