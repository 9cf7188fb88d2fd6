package org.sicube.transforms.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelBinningTest {

    /** A 7 × 5 block of 3 channels binned by 2 against the sums written out; the last row and column are dropped. */
    @Test
    void sumsFactorSquaredPixels() {
        int h = 7;
        int w = 5;
        int ch = 3;
        double[] data = new double[h * w * ch];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i * 37) % 11;
        }
        double[] out = PixelBinning.sum(data, h, w, ch, 2);
        assertEquals(3 * 2 * ch, out.length);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 2; x++) {
                for (int c = 0; c < ch; c++) {
                    double want = data[((2 * y) * w + 2 * x) * ch + c] + data[((2 * y) * w + 2 * x + 1) * ch + c]
                            + data[((2 * y + 1) * w + 2 * x) * ch + c] + data[((2 * y + 1) * w + 2 * x + 1) * ch + c];
                    assertEquals(want, out[(y * 2 + x) * ch + c], 0.0);
                }
            }
        }
    }

    @Test
    void mapsAreAveragedOverFiniteValues() {
        double[] map = {1, 3, Double.NaN, Double.NaN, 5, 7, Double.NaN, Double.NaN};
        double[] m = PixelBinning.mean(map, 2, 4, 2);
        assertEquals(4.0, m[0], 0.0);
        assertTrue(Double.isNaN(m[1]));
    }
}
