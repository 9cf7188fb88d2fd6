package org.sicube.jobs.decompose;

import java.io.Serializable;
import java.util.List;

/**
 * The choices of an NMF run: K components (fixed ones included), closure, Poisson weighting,
 * the fixed spectra (already on the store's energy axis, with their names), the iteration limit
 * and the tolerance on the relative change of the loss.
 */
public record NmfOptions(int components, boolean closure, boolean poisson, List<String> fixedNames,
        List<double[]> fixedSpectra, int iterations, double tolerance) implements Serializable {

    public static final int DEFAULT_ITERATIONS = 200;
    public static final double DEFAULT_TOLERANCE = 1e-6;

    public NmfOptions {
        if (components < 1 || fixedSpectra.size() > components || fixedNames.size() != fixedSpectra.size()) {
            throw new IllegalArgumentException("NMF of " + components + " components cannot hold "
                    + fixedSpectra.size() + " fixed spectra");
        }
        if (iterations < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("iterations must be positive and tolerance non-negative, got "
                    + iterations + " and " + tolerance);
        }
        fixedNames = List.copyOf(fixedNames);
        fixedSpectra = List.copyOf(fixedSpectra);
    }

    public int fixedCount() {
        return fixedSpectra.size();
    }
}
