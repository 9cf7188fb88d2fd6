package org.sicube.transforms.background;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExponentHistogramTest {

    /** Percentiles agree with the exact ones of all values to one bin width; merging in parts changes nothing. */
    @Test
    void percentilesMatchTheSortedValuesToOneBin() {
        Random random = new Random(4);
        double[] r = new double[20000];
        ExponentHistogram all = new ExponentHistogram();
        ExponentHistogram a = new ExponentHistogram();
        ExponentHistogram b = new ExponentHistogram();
        for (int i = 0; i < r.length; i++) {
            r[i] = i % 1000 == 0 ? Double.NaN : 3.0 + 0.4 * random.nextGaussian();
            all.add(r[i]);
            (i % 3 == 0 ? a : b).add(r[i]);
        }
        a.merge(b);
        assertEquals(r.length - 20, all.count());
        for (double[] p : new double[][] {{10, 90}, {1, 99}, {50, 60}}) {
            double[] exact = ExponentSpread.percentiles(r, p[0], p[1]);
            assertEquals(exact[0], all.percentile(p[0]), ExponentHistogram.BIN_WIDTH);
            assertEquals(exact[1], all.percentile(p[1]), ExponentHistogram.BIN_WIDTH);
            assertEquals(all.percentile(p[0]), a.percentile(p[0]), 0.0);
        }
    }

    /** Out-of-range values count in the end bins, so a percentile among in-range values stays exact to a bin. */
    @Test
    void outliersAreClampedNotDropped() {
        ExponentHistogram h = new ExponentHistogram();
        h.add(-100);
        h.add(2.5);
        h.add(1e9);
        assertEquals(2.5, h.percentile(50), ExponentHistogram.BIN_WIDTH);
        assertEquals(ExponentHistogram.LOW, h.percentile(0), ExponentHistogram.BIN_WIDTH);
    }
}
