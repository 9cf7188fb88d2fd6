package org.sicube.jobs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many files a store's blocks are written into. */
class StoreWriterTest {

    @Test
    void filesAreAboutSixteenBlocksEachAndAMultipleOfTwoPerCore() {
        // 104 blocks (the 10^5 benchmark store) on 2 cores: 7 files by size, rounded up to 8 of 13 blocks
        assertEquals(8, StoreWriter.partitionsFor(104, 2));
        assertEquals(64, StoreWriter.partitionsFor(977, 2));
        assertEquals(612, StoreWriter.partitionsFor(9766, 2));
        assertEquals(12, StoreWriter.partitionsFor(100, 6));
        assertEquals(2, StoreWriter.partitionsFor(20, 1));
    }

    @Test
    void neverMoreFilesThanBlocksNorFewerThanOne() {
        assertEquals(3, StoreWriter.partitionsFor(3, 2));
        assertEquals(1, StoreWriter.partitionsFor(1, 8));
        assertEquals(1, StoreWriter.partitionsFor(0, 2));
    }
}
