package org.sicube.jobs.overview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.PixelBlock;

class OverviewSummaryTest {

    private static PixelBlock block(BlockGrid.Tile t, int channels) {
        PixelBlock b = PixelBlock.empty(t.y0(), t.x0(), t.height(), t.width(), channels);
        for (int y = t.y0(); y < t.y0() + t.height(); y++) {
            for (int x = t.x0(); x < t.x0() + t.width(); x++) {
                for (int e = 0; e < channels; e++) {
                    b.counts()[b.offsetOf(y, x) + e] = y * 100 + x + e;
                }
            }
        }
        return b;
    }

    /** Two partitions of awkward blocks merged give the same map and spectrum as a direct sum. */
    @Test
    void binnedMapAndSpectrumAreIndependentOfTiling() {
        int ny = 9, nx = 11, channels = 3;
        BlockGrid grid = new BlockGrid(ny, nx, 4, 5);
        OverviewSummary a = new OverviewSummary(ny, nx, channels, 4);
        OverviewSummary b = new OverviewSummary(ny, nx, channels, 4);
        for (int i = 0; i < grid.size(); i++) {
            (i % 2 == 0 ? a : b).add(block(grid.tile(i), channels));
        }
        OverviewSummary merged = a.merge(b);
        assertEquals(3, merged.bin()); // 11 pixels into at most 4 cells: 3 pixels a cell
        assertEquals(3, merged.mapHeight());
        assertEquals(4, merged.mapWidth());

        double[] expectedMap = new double[12];
        double[] pixels = new double[12];
        double[] expectedSpectrum = new double[channels];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double total = 0;
                for (int e = 0; e < channels; e++) {
                    total += y * 100 + x + e;
                    expectedSpectrum[e] += y * 100 + x + e;
                }
                expectedMap[(y / 3) * 4 + x / 3] += total;
                pixels[(y / 3) * 4 + x / 3]++;
            }
        }
        for (int i = 0; i < 12; i++) {
            expectedMap[i] /= pixels[i];
        }
        assertArrayEquals(expectedMap, merged.meanCountsMap(), 1e-9);
        assertArrayEquals(expectedSpectrum, merged.sumSpectrum(), 1e-9);
    }
}
