package org.sicube.jobs.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Binned maps against direct per-cell sums and maxima, across list folds and merges. */
class BinnedMapsTest {

    @Test
    void foldedAndMergedMapsEqualDirectCellStatistics() {
        // 600 × 700 pixels shown at most 256 cells a side: 3 × 3 pixels per cell; 420 000 pixel additions
        // in 32 × 32 blocks, several folds of the sparse list per partition.
        int ny = 600;
        int nx = 700;
        BinnedMaps[] mean = {new BinnedMaps(ny, nx, 2, 256), new BinnedMaps(ny, nx, 2, 256)};
        BinnedMaps[] max = {BinnedMaps.ofMax(ny, nx, 1, 256), BinnedMaps.ofMax(ny, nx, 1, 256)};
        int bin = mean[0].bin();
        int w = mean[0].mapWidth();
        double[] sums = new double[mean[0].mapHeight() * w];
        double[] maxima = new double[sums.length];
        java.util.Arrays.fill(maxima, Double.NEGATIVE_INFINITY);
        Random random = new Random(3);
        int block = 0;
        for (int y0 = 0; y0 < ny; y0 += 32) {
            for (int x0 = 0; x0 < nx; x0 += 32, block++) {
                int part = block % 2;
                for (int y = y0; y < Math.min(ny, y0 + 32); y++) {
                    for (int x = x0; x < Math.min(nx, x0 + 32); x++) {
                        double v = random.nextInt(100);
                        mean[part].add(y, x, new double[] {v, 2 * v}, 0);
                        max[part].add(y, x, v);
                        int cell = (y / bin) * w + x / bin;
                        sums[cell] += v;
                        maxima[cell] = Math.max(maxima[cell], v);
                    }
                }
            }
        }
        double[] m = mean[1].merge(mean[0]).meanMap(1);
        double[] mx = max[0].merge(max[1]).maxMap(0);
        for (int cell = 0; cell < sums.length; cell++) {
            int r = cell / w;
            int c = cell % w;
            double pixels = (double) Math.min(bin, ny - r * bin) * Math.min(bin, nx - c * bin);
            // sums of integers below 2^53: exact in any order
            assertEquals(2 * sums[cell] / pixels, m[cell], 0.0, "cell " + cell);
            assertEquals(maxima[cell], mx[cell], 0.0, "cell " + cell);
        }
    }
}
