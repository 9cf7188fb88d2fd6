package org.sicube.datasets.formats;

import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.PixelBlock;

/**
 * Checks that a block holds counts: finite, non-negative values. Poisson methods are meaningless
 * on anything else, so ingest rejects such input unless told the data are processed values.
 */
public final class CountsCheck {
    private CountsCheck() {
    }

    /** Throws naming {@code file}, the pixel and the channel of the first value that is not a count. */
    public static void requireCounts(PixelBlock b, String file) {
        float[] c = b.counts();
        for (int i = 0; i < c.length; i++) {
            float v = c[i];
            if (!(v >= 0f) || v == Float.POSITIVE_INFINITY) {
                int pixel = i / b.channels();
                int y = b.y0() + pixel / b.width();
                int x = b.x0() + pixel % b.width();
                throw new InvalidInputException(file + ": pixel (y=" + y + ", x=" + x + ") channel " + (i % b.channels())
                        + " holds " + v + "; counts must be finite and non-negative (pass --allow-non-counts to ingest"
                        + " processed data that are not counts)");
            }
        }
    }
}
