package org.sicube.jobs.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticStoresTest {

    @Test
    void spectrumCountsBecomeTheMostNearlySquareImageWithExactlyThatManyPixels() {
        assertArrayEquals(new int[] {250, 400}, SyntheticStores.shape("1e5"));
        assertArrayEquals(new int[] {1000, 1000}, SyntheticStores.shape("1e6"));
        assertArrayEquals(new int[] {3125, 3200}, SyntheticStores.shape("1e7"));
        assertArrayEquals(new int[] {1, 7}, SyntheticStores.shape("7"));
        assertArrayEquals(new int[] {64, 48}, SyntheticStores.shape("64x48"));
    }

    @Test
    void badSizesAreRefusedNamingTheOption() {
        for (String bad : new String[] {"1.5", "0", "-4", "big", "3e10"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticStores.shape(bad));
            assertTrue(e.getMessage().contains("--sizes"), e.getMessage());
        }
    }

    @Test
    void withoutASmallerStoreTheDiskEstimateIsTheGenerousDefault(@TempDir Path work) throws Exception {
        assertEquals(SyntheticStores.DEFAULT_BYTES_PER_SPECTRUM * 1e6,
                SyntheticStores.estimatedBytes(work, 1_000_000, 2048, 200), 0);
    }

    @Test
    void storeNamesCarryShapeChannelsAndCounts(@TempDir Path work) {
        assertEquals("decompose-250x400-c2048-m200.store",
                SyntheticStores.location(work, new int[] {250, 400}, 2048, 200).getFileName().toString());
    }
}
