package org.sicube.jobs.preprocess.stages;

import java.io.Serializable;

/**
 * What a stage needs to know about all of its input before it runs (the sum spectrum, a histogram
 * of exponents, the blocks' rims): an accumulator built empty on the driver, filled per partition
 * from the blocks at the stage's input, and merged in a tree. Its size must be bounded by a small
 * per-block summary, never by the data.
 */
public interface Summary extends Serializable {

    /** Adds one block, as it is at the stage's input. */
    void add(WorkBlock block);

    /** Adds {@code other} into this one and returns this. */
    Summary merge(Summary other);

    /**
     * This summary, complete, made from the sum spectrum its input store recorded (only for a
     * first stage, whose input is the store's data), or null when it needs more than that.
     */
    default Summary fromSumSpectrum(double[] sumSpectrum) {
        return null;
    }
}
