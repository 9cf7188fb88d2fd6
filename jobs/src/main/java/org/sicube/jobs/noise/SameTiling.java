package org.sicube.jobs.noise;

import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;

/** Two acquisitions compared pixel by pixel must have the same shape, energy axis and blocks. */
final class SameTiling {
    private SameTiling() {
    }

    static void require(HeaderJson.Parsed a, String aName, HeaderJson.Parsed b, String bName) {
        SpectrumImage x = a.header();
        SpectrumImage y = b.header();
        if (x.ny() != y.ny() || x.nx() != y.nx() || !x.energy().sameAs(y.energy())) {
            throw new InvalidInputException("--second " + bName + " (" + y.ny() + "×" + y.nx() + " px, " + y.energy()
                    + ") is not the same acquisition grid as --store " + aName + " (" + x.ny() + "×" + x.nx() + " px, "
                    + x.energy() + ")");
        }
        if (a.blockHeight() != b.blockHeight() || a.blockWidth() != b.blockWidth()) {
            throw new InvalidInputException("--second " + bName + " has " + b.blockHeight() + "×" + b.blockWidth()
                    + " blocks, --store " + aName + " " + a.blockHeight() + "×" + a.blockWidth()
                    + "; ingest both with the same --block");
        }
    }
}
