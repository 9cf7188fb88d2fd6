package org.sicube.jobs.testing;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sicube.jobs.core.SparkSessions;

/** The one local Spark session of a test JVM ({@code local[2]}), created lazily; code under test never stops it. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            SparkSessions.configureLogging(false);
            session = SparkSessions.start("sicube tests", "local[2]", Map.of("spark.ui.enabled", "false"));
        }
        return session;
    }
}
