package org.sicube.datasets.formats.emd;

import org.sicube.datasets.model.SpectrumImage;

/** Checks that a requested tile lies inside the image: a caller's mistake, not bad input. */
final class Tiles {
    private Tiles() {
    }

    static void check(SpectrumImage h, int y0, int x0, int height, int width) {
        if (y0 < 0 || x0 < 0 || height <= 0 || width <= 0 || y0 > h.ny() - height || x0 > h.nx() - width) {
            throw new IllegalArgumentException("tile (y0=" + y0 + ", x0=" + x0 + ", " + height + "x" + width
                    + ") is outside the " + h.ny() + "x" + h.nx() + " image");
        }
    }
}
