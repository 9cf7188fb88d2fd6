package org.sicube.datasets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PixelBlockTest {

    @Test
    void totalIsTheDocumentedEightWaySumForEveryLength() {
        SplittableRandom r = new SplittableRandom(2);
        for (int n = 1; n <= 45; n++) {
            float[] v = new float[n];
            double[] s = new double[8];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (r.nextDouble() * Math.pow(10, r.nextInt(-6, 6)));
                s[i % 8] += v[i];
            }
            double expected = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
            // Bit for bit: the definition, for every tail length.
            assertEquals(expected, new PixelBlock(0, 0, 1, 1, n, v).totalCounts(), 0.0, "length " + n);
        }
    }

    @Test
    void totalOfCountsIsExact() {
        float[] v = new float[3 * 5 * 301];
        long exact = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919) % 65536;
            exact += (long) v[i];
        }
        assertEquals(exact, new PixelBlock(0, 0, 3, 5, 301, v).totalCounts(), 0.0);
    }
}
