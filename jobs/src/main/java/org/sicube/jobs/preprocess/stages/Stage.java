package org.sicube.jobs.preprocess.stages;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * One validated preprocessing stage: a small serializable description (energies in eV, shifts and
 * windows in channels where named so) shipped to the executors, where {@link #kernel} builds its
 * per-partition state once. A stage may change the energy grid (crop, ebin, calibrate) or the
 * image shape (bin), may need a {@link Summary} of all its input (the sum spectrum, say) from a
 * pass before the chain, and may emit per-pixel maps.
 */
public interface Stage extends Serializable {

    /** The config type, e.g. {@code powerlaw}. */
    String type();

    /**
     * The grid after this stage for the grid before it; throws an {@link IllegalArgumentException}
     * naming the config key when a parameter does not fit (e.g. a window outside the energy range).
     */
    EnergyGrid output(EnergyGrid in);

    /** The image shape after this stage; throws naming the config key when it cannot apply. */
    default ImageShape shape(ImageShape in) {
        return in;
    }

    /** Names of the per-pixel maps this stage emits, in the order of the kernel's map values. */
    default List<String> maps() {
        return List.of();
    }

    /** An empty accumulator of what the stage needs to know about all its input, or null when nothing. */
    default Summary summary(EnergyGrid in, ImageShape shape) {
        return null;
    }

    /**
     * This stage with its finished {@link #summary} (called on the driver); large parts are
     * broadcast through {@code spark} rather than shipped with every task.
     */
    default Stage bind(Summary done, JavaSparkContext spark) {
        return this;
    }

    /** True when the stage's input must still be counts (Poisson variance = mean): not after a normalization. */
    default boolean requiresCounts() {
        return false;
    }

    /** True when the stage scales spectra so that they are no longer counts. */
    default boolean normalizes() {
        return false;
    }

    /** Builds the per-partition state (after {@link #bind}). */
    Kernel kernel(EnergyGrid in);

    /** Per-partition state of a stage; one per thread. */
    interface Kernel {
        /**
         * Processes one spectrum (counts per channel of the input grid), writing the stage's map
         * values for this pixel into {@code maps}; returns the output spectrum (the same array
         * when the grid is unchanged).
         */
        double[] apply(double[] spectrum, double[] maps);
    }
}
