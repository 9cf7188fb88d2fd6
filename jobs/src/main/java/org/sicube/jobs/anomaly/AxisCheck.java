package org.sicube.jobs.anomaly;

import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;

/** A model applied to a store must have been fitted on the same energy channels. */
final class AxisCheck {
    private AxisCheck() {
    }

    /** Throws naming both axes when {@code model} (null: not recorded, channels compared) differs from {@code store}. */
    static void require(EnergyAxis model, String modelRun, int modelChannels, EnergyAxis store, String storeName) {
        boolean same = model == null ? modelChannels == store.size() : model.sameAs(store);
        if (!same) {
            throw new InvalidInputException("energy axes differ: the model of " + modelRun + " was fitted on "
                    + (model == null ? modelChannels + " channels" : model.toString()) + ", the store " + storeName
                    + " has " + store + "; a model applies only to spectra on its own channels");
        }
    }
}
