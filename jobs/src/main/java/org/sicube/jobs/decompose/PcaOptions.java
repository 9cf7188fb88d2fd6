package org.sicube.jobs.decompose;

import org.sicube.transforms.decomposition.MethodChoice;
import org.sicube.transforms.decomposition.RandomizedPca;

/**
 * How the Poisson-weighted PCA is computed: {@code method} "exact", "randomized" or null (chosen by
 * estimated cost, {@link MethodChoice}); for the randomized path the oversampling p (sketch rank
 * L = K + p, or {@link RandomizedPca#AUTOMATIC_RANK} + p when the truncation chooses K) and the most
 * passes of the subspace iteration.
 */
public record PcaOptions(String method, int oversampling, int maxPasses) {

    /** The cost estimate chooses; default oversampling and passes. */
    public static final PcaOptions AUTOMATIC = new PcaOptions(null, RandomizedPca.DEFAULT_OVERSAMPLING,
            RandomizedPca.DEFAULT_PASSES);
    public static final PcaOptions EXACT = new PcaOptions(MethodChoice.EXACT, RandomizedPca.DEFAULT_OVERSAMPLING,
            RandomizedPca.DEFAULT_PASSES);
}
