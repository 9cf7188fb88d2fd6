package org.sicube.transforms.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConnectedRegionsTest {

    @Test
    void cornersConnectAndGapsSeparate() {
        // A diagonal chain across what would be a 32-pixel block border (31 → 32), a pixel one gap
        // away, and an L shape given out of raster order.
        int[] ys = {31, 32, 33, 31, 10, 11, 11, 10};
        int[] xs = {31, 32, 33, 35, 5, 5, 6, 7};
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 2, 2, 2}, ConnectedRegions.label(ys, xs));
    }

    @Test
    void antiDiagonalIsOneRegion() {
        assertArrayEquals(new int[] {0, 0, 0}, ConnectedRegions.label(new int[] {2, 1, 0}, new int[] {0, 1, 2}));
    }

    @Test
    void duplicatesAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> ConnectedRegions.label(new int[] {1, 1}, new int[] {2, 2}));
    }
}
