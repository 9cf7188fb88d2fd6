package org.sicube.jobs.decompose;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * Every pixel's unit score vector, kept by the decomposition's score pass for the phase map's
 * K-means that follows, so that the K-means makes no pass over the store of its own: on the driver
 * for an image it clusters whole, else as each block's scores in executor memory (spilling to disk;
 * 8·(K + 1) bytes a pixel), released by {@link #close()}.
 */
public final class KeptUnitScores implements AutoCloseable {

    /** Where the score pass keeps them. */
    public enum Where {
        NOWHERE, ON_DRIVER, ON_EXECUTORS
    }

    private final List<UnitScores> onDriver;
    private final JavaRDD<BlockScores> onExecutors;

    private KeptUnitScores(List<UnitScores> onDriver, JavaRDD<BlockScores> onExecutors) {
        this.onDriver = onDriver;
        this.onExecutors = onExecutors;
    }

    static KeptUnitScores onDriver(List<UnitScores> units) {
        return new KeptUnitScores(units, null);
    }

    /** {@code scores}: persisted by the caller; unpersisted by {@link #close()}. */
    static KeptUnitScores onExecutors(JavaRDD<BlockScores> scores) {
        return new KeptUnitScores(null, scores);
    }

    /** Every block's unit score vectors when kept on the driver, else null. */
    public List<UnitScores> onDriver() {
        return onDriver;
    }

    /** Every block's unit score vectors, derived from the kept scores, when kept on the executors, else null. */
    public JavaRDD<UnitScores> onExecutors() {
        return onExecutors == null ? null : onExecutors.map(BlockScores::unit);
    }

    @Override
    public void close() {
        if (onExecutors != null) {
            onExecutors.unpersist();
        }
    }
}
