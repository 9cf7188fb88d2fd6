package org.sicube.transforms.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BlockRimTest {

    /** Every rim pixel gets a distinct index in row-major order, and extraction copies its values. */
    @Test
    void indexesRimPixelsInOrder() {
        for (int[] s : new int[][] {{7, 5, 2}, {9, 9, 2}, {3, 8, 2}, {10, 4, 1}}) {
            BlockRim rim = new BlockRim(s[0], s[1], s[2], 2);
            double[] field = new double[s[0] * s[1] * 2];
            for (int i = 0; i < field.length; i++) {
                field[i] = i;
            }
            double[] r = rim.extract(field);
            int next = 0;
            for (int y = 0; y < s[0]; y++) {
                for (int x = 0; x < s[1]; x++) {
                    boolean inRim = y < s[2] || y >= s[0] - s[2] || x < s[2] || x >= s[1] - s[2];
                    assertEquals(inRim, rim.contains(y, x), y + "," + x);
                    if (inRim) {
                        assertEquals(next, rim.index(y, x));
                        assertEquals(field[(y * s[1] + x) * 2 + 1], r[next * 2 + 1], 0.0);
                        next++;
                    }
                }
            }
            assertEquals(next, rim.pixels());
        }
    }
}
