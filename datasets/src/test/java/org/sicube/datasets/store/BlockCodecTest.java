package org.sicube.datasets.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.PixelBlock;

class BlockCodecTest {

    /** Low-count EDS-like block: ~200 counts over 2048 channels per pixel, so most channels are 0. */
    private static PixelBlock lowCountBlock(int h, int w, int channels, long seed) {
        float[] c = new float[h * w * channels];
        SplittableRandom r = new SplittableRandom(seed);
        for (int p = 0; p < h * w; p++) {
            for (int k = 0; k < 200; k++) {
                c[p * channels + r.nextInt(channels)] += 1;
            }
        }
        c[5] = 70000; // a count above 2^16 must survive too
        return new PixelBlock(3, 5, h, w, channels, c);
    }

    @Test
    void sparseCountsRoundTripExactlyAndAreSmall() {
        PixelBlock b = lowCountBlock(32, 32, 2048, 1);
        BlockCodec.Encoded e = BlockCodec.encode(b);
        assertEquals(BlockCodec.SPARSE, e.encoding());
        // 2048 float32 = 8192 bytes per spectrum; ~190 non-zero channels at ~2 bytes each.
        assertTrue(e.bytes().length < b.counts().length * 4 / 10, "sparse size " + e.bytes().length);
        PixelBlock back = BlockCodec.decode(3, 5, 32, 32, 2048, e.encoding(), e.bytes());
        assertArrayEquals(b.counts(), back.counts());
    }

    @Test
    void nonCountValuesAreStoredDense() {
        float[] c = {0.5f, -1f, 2f, 0f, Float.NaN, 3f};
        PixelBlock b = new PixelBlock(0, 0, 1, 2, 3, c);
        BlockCodec.Encoded e = BlockCodec.encode(b);
        assertEquals(BlockCodec.DENSE, e.encoding());
        assertArrayEquals(c, BlockCodec.decode(0, 0, 1, 2, 3, e.encoding(), e.bytes()).counts());
    }

    @Test
    void highCountBlockStaysDense() {
        // Every channel non-zero at ~1e4 counts: varints would save only a quarter, not worth slower decoding.
        float[] c = new float[4 * 4 * 64];
        for (int i = 0; i < c.length; i++) {
            c[i] = 10000 + i;
        }
        BlockCodec.Encoded e = BlockCodec.encode(new PixelBlock(0, 0, 4, 4, 64, c));
        assertEquals(BlockCodec.DENSE, e.encoding());
    }

    @Test
    void corruptBytesAreRejected() {
        PixelBlock b = lowCountBlock(2, 2, 64, 2);
        byte[] bytes = BlockCodec.encode(b).bytes();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(0, 0, 2, 2, 64, BlockCodec.SPARSE, cut));
        assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(0, 0, 2, 2, 64, BlockCodec.DENSE, bytes));
        assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(0, 0, 2, 2, 64, "other", bytes));
    }

    /** The non-zero view decoded straight from either encoding holds exactly the dense block's counts. */
    @Test
    void nonZerosDecodeEqualsTheDenseBlock() {
        PixelBlock sparse = lowCountBlock(32, 32, 2048, 3);
        float[] high = new float[4 * 4 * 64];
        for (int i = 0; i < high.length; i++) {
            high[i] = i % 5 == 0 ? 0 : 10000 + i;
        }
        for (PixelBlock b : new PixelBlock[] {sparse, new PixelBlock(3, 5, 4, 4, 64, high)}) {
            BlockCodec.Encoded e = BlockCodec.encode(b);
            BlockNonZeros nz = BlockCodec.decodeNonZeros(3, 5, b.height(), b.width(), b.channels(), e.encoding(),
                    e.bytes());
            assertArrayEquals(b.counts(), nz.toBlock().counts(), e.encoding());
            BlockNonZeros scanned = BlockNonZeros.of(b);
            assertArrayEquals(scanned.start(), nz.start(), e.encoding());
            assertArrayEquals(scanned.channel(), nz.channel(), e.encoding());
            for (int n = 0; n < b.pixels(); n++) {
                assertArrayEquals(java.util.Arrays.copyOfRange(b.counts(), n * b.channels(), (n + 1) * b.channels()),
                        nz.dense(n));
            }
        }
    }

    /** A cut block, a channel past the end and a repeated channel are errors naming the block, not wrong counts. */
    @Test
    void corruptBytesAreRejectedByTheNonZeroDecoder() {
        byte[] bytes = BlockCodec.encode(lowCountBlock(2, 2, 64, 2)).bytes();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockCodec.decodeNonZeros(7, 9, 2, 2, 64, BlockCodec.SPARSE, cut));
        assertTrue(e.getMessage().contains("(7, 9)") || e.getMessage().contains("ends inside"), e.getMessage());
        // one pixel, one non-zero channel 70 of 64; then one pixel with a gap of 0 (channel repeated)
        byte[] beyond = {1, 71, 3};
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BlockCodec.decodeNonZeros(7, 9, 1, 1, 64, BlockCodec.SPARSE, beyond)).getMessage().contains("(7, 9)"));
        byte[] repeated = {2, 1, 3, 0, 4};
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BlockCodec.decodeNonZeros(7, 9, 1, 1, 64, BlockCodec.SPARSE, repeated)).getMessage().contains("(7, 9)"));
    }
}
