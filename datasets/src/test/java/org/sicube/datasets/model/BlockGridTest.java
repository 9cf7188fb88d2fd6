package org.sicube.datasets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlockGridTest {

    @Test
    void tilesCoverTheImageOnceWithEdgeBlocksCut() {
        BlockGrid g = new BlockGrid(75, 100, 32, 32);
        assertEquals(3, g.rows());
        assertEquals(4, g.columns());
        long pixels = g.tiles().stream().mapToLong(BlockGrid.Tile::pixels).sum();
        assertEquals(75 * 100, pixels);
        assertEquals(new BlockGrid.Tile(64, 96, 11, 4), g.tile(11));
    }

    @Test
    void blockSizeIsParsedOrRejected() {
        assertEquals(7, BlockGrid.parseBlockSize("7x13")[0]);
        assertEquals(13, BlockGrid.parseBlockSize("7x13")[1]);
        assertThrows(IllegalArgumentException.class, () -> BlockGrid.parseBlockSize("32"));
        assertThrows(IllegalArgumentException.class, () -> BlockGrid.parseBlockSize("0x4"));
    }
}
