package org.sicube.jobs.preprocess;

import java.util.List;
import org.sicube.jobs.preprocess.stages.Stage;

/**
 * The ordering rules of a pipeline (DOMAIN: "do Poisson-aware steps first"): a normalization
 * makes the data non-Poisson, so no stage that needs counts (gain conversion, a Poisson-weighted
 * power-law fit) may follow one; and a config meant {@code for: decomposition}, which weights by
 * Poisson statistics, may not normalize at all.
 */
final class StageOrder {
    private StageOrder() {
    }

    static void check(List<Stage> stages, String purpose) {
        int normalized = -1;
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            if (s.requiresCounts() && normalized >= 0) {
                throw new IllegalArgumentException("config key stages[" + i + "] (" + s.type()
                        + "): normalization makes the data non-Poisson; put it after " + s.type()
                        + " (stages[" + normalized + "] normalizes before it)");
            }
            if (s.normalizes()) {
                if (purpose.equals("decomposition")) {
                    throw new IllegalArgumentException("config key stages[" + i + "] (normalize): normalization makes"
                            + " the data non-Poisson, and decomposition (for: decomposition) needs counts; remove it"
                            + " or use method none");
                }
                if (normalized < 0) {
                    normalized = i;
                }
            }
        }
    }
}
