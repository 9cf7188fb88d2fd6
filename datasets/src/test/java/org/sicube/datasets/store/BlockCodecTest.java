package org.sicube.datasets.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertEquals(BlockCodec.DENSE_SPLIT, e.encoding());
        assertArrayEquals(c, BlockCodec.decode(0, 0, 1, 2, 3, e.encoding(), e.bytes()).counts());
    }

    @Test
    void aBlockWhoseFirstPixelsAreDenseIsStoredDenseWithoutScanningTheRest() {
        // The first sixteenth (2 of 32 pixels) has every channel at ~1000 counts, the rest is empty:
        // sparse would be smaller overall, but the documented rule looks at the head first.
        float[] c = new float[4 * 8 * 64];
        for (int i = 0; i < 2 * 64; i++) {
            c[i] = 1000 + i;
        }
        BlockCodec.Encoded e = BlockCodec.encode(new PixelBlock(0, 0, 4, 8, 64, c));
        assertEquals(BlockCodec.DENSE_SPLIT, e.encoding());
        assertArrayEquals(c, BlockCodec.decode(0, 0, 4, 8, 64, e.encoding(), e.bytes()).counts());
        // The same counts in the last two pixels: the head is empty, the whole block is checked, sparse wins.
        float[] tail = new float[c.length];
        System.arraycopy(c, 0, tail, c.length - 2 * 64, 2 * 64);
        assertEquals(BlockCodec.SPARSE, BlockCodec.encode(new PixelBlock(0, 0, 4, 8, 64, tail)).encoding());
    }

    @Test
    void splitRoundTripKeepsEveryBitPattern() {
        float[] c = {0f, -0f, 1f, -1.5f, Float.MIN_VALUE, -Float.MIN_NORMAL, Float.MAX_VALUE, Float.NEGATIVE_INFINITY,
            Float.POSITIVE_INFINITY, Float.intBitsToFloat(0x7FC12345), 1234.5678f, 3.0e-20f};
        BlockCodec.Encoded e = BlockCodec.encode(new PixelBlock(4, 8, 2, 2, 3, c));
        assertEquals(BlockCodec.DENSE_SPLIT, e.encoding());
        float[] back = BlockCodec.decode(4, 8, 2, 2, 3, e.encoding(), e.bytes()).counts();
        for (int i = 0; i < c.length; i++) {
            assertEquals(Float.floatToRawIntBits(c[i]), Float.floatToRawIntBits(back[i]), "value " + i);
        }
    }

    @Test
    void splitLayoutIsFourBytePlanesAsDocumented() {
        // 1.0f = 0x3F800000 and 2.5f = 0x40200000, little-endian bytes 00 00 80 3F and 00 00 20 40:
        // plane 0 holds byte 0 of both values, plane 3 their top bytes.
        float[] c = {1f, 2.5f};
        byte[] bytes = BlockCodec.encode(new PixelBlock(0, 0, 1, 1, 2, c)).bytes();
        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) 0x80, 0x20, 0x3F, 0x40}, bytes);
    }

    @Test
    void splitOfALongBlockMatchesThePlanesValueByValue() {
        // 3 × 5 pixels of 67 channels: 1005 values, so the SIMD loop runs and leaves a scalar tail.
        SplittableRandom r = new SplittableRandom(11);
        float[] c = new float[3 * 5 * 67];
        for (int i = 0; i < c.length; i++) {
            c[i] = Float.intBitsToFloat(r.nextInt());
        }
        c[0] = 0.5f; // keeps the block dense even if the random bits had made it look sparse
        byte[] bytes = BlockCodec.encode(new PixelBlock(0, 0, 3, 5, 67, c)).bytes();
        int n = c.length;
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(c[i]);
            for (int k = 0; k < 4; k++) {
                assertEquals((byte) (bits >>> (8 * k)), bytes[k * n + i], "byte " + k + " of value " + i);
            }
        }
        float[] back = BlockCodec.decode(0, 0, 3, 5, 67, BlockCodec.DENSE_SPLIT, bytes).counts();
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToRawIntBits(c[i]), Float.floatToRawIntBits(back[i]), "value " + i);
        }
    }

    @Test
    void realDataOfAHighCountBlockRoundTrips() {
        // Dense EELS-like counts (every channel non-zero) and the same after a background subtraction.
        SplittableRandom r = new SplittableRandom(3);
        float[] counts = new float[8 * 8 * 256];
        float[] processed = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double lambda = 3000 * Math.pow(1 + (i % 256) / 100.0, -3) + 20;
            counts[i] = (float) Math.round(lambda + Math.sqrt(lambda) * (r.nextDouble() - 0.5) * 3.4);
            processed[i] = (float) ((counts[i] - lambda) / 7.3e5);
        }
        for (float[] c : List.of(counts, processed)) {
            BlockCodec.Encoded e = BlockCodec.encode(new PixelBlock(0, 0, 8, 8, 256, c));
            assertEquals(BlockCodec.DENSE_SPLIT, e.encoding());
            assertArrayEquals(c, BlockCodec.decode(0, 0, 8, 8, 256, e.encoding(), e.bytes()).counts());
        }
    }

    @Test
    void olderDenseBlocksStillDecode() {
        float[] c = {0.5f, -1f, 2f, 70000f};
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(c);
        assertArrayEquals(c, BlockCodec.decode(0, 0, 1, 2, 2, BlockCodec.DENSE, bb.array()).counts());
    }

    @Test
    void highCountBlockStaysDense() {
        // Every channel non-zero at ~1e4 counts: varints would save only a quarter, not worth slower decoding.
        float[] c = new float[4 * 4 * 64];
        for (int i = 0; i < c.length; i++) {
            c[i] = 10000 + i;
        }
        BlockCodec.Encoded e = BlockCodec.encode(new PixelBlock(0, 0, 4, 4, 64, c));
        assertEquals(BlockCodec.DENSE_SPLIT, e.encoding());
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

    @Test
    void corruptSplitBlockIsRejectedNamingTheBlock() {
        float[] c = new float[2 * 2 * 64];
        java.util.Arrays.fill(c, 0.25f);
        byte[] bytes = BlockCodec.encode(new PixelBlock(64, 96, 2, 2, 64, c)).bytes();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> BlockCodec.decode(64, 96, 2, 2, 64, BlockCodec.DENSE_SPLIT, cut));
        assertTrue(e.getMessage().contains("(64, 96)") && e.getMessage().contains(cut.length + " bytes"), e.getMessage());
    }
}
