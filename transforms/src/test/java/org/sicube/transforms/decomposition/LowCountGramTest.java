package org.sicube.transforms.decomposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The low-count Gram kernel against the pixel-by-pixel sum Σ_n x_n x_nᵀ / a_n on a block with
 * both kinds of channels: a few with counts in every pixel (the dense set) and many with counts
 * in a few pixels, plus empty pixels and more pixels than one chunk.
 */
class LowCountGramTest {

    private static final int CHANNELS = 96;
    private static final int LINES = 8;
    private static final int PIXELS = LowCountGram.CHUNK + 300;
    /** A few hundred products of small integers over a_n per entry, summed in another order. */
    private static final double TIGHT = 1e-12;

    @Test
    void splitsLinesFromSparseChannelsAndSumsEveryPairOnce() {
        float[][] x = counts(new Random(5));
        int[] start = new int[PIXELS + 1];
        int[] channel = new int[PIXELS * CHANNELS];
        float[] value = new float[PIXELS * CHANNELS];
        int j = 0;
        for (int n = 0; n < PIXELS; n++) {
            start[n] = j;
            for (int e = 0; e < CHANNELS; e++) {
                if (x[n][e] != 0) {
                    channel[j] = e;
                    value[j++] = x[n][e];
                }
            }
        }
        start[PIXELS] = j;
        double[] totals = CompressedRows.pixelTotals(start, value, PIXELS);

        int[] count = new int[CHANNELS];
        for (int i = 0; i < j; i++) {
            count[channel[i]]++;
        }
        int[] dense = LowCountGram.denseChannels(count, PIXELS, CHANNELS);
        for (int e = 0; e < LINES; e++) {
            assertTrue(Arrays.binarySearch(dense, e * 11) >= 0, "line channel " + e * 11 + " in " + Arrays.toString(dense));
        }
        assertTrue(dense.length < CHANNELS / 2, "most channels stay sparse: " + Arrays.toString(dense));

        double[] m = new double[(int) GramKernels.packedSize(CHANNELS)];
        LowCountGram.add(start, channel, value, PIXELS, totals, CHANNELS, m);
        WeightedGramAccumulatorTest.assertClose(naive(x, totals), m, TIGHT);
    }

    @Test
    void anAllSparseBlockTakesNoDenseChannel() {
        int[] count = new int[CHANNELS];
        count[3] = 2;
        count[40] = 1;
        assertArrayEquals(new int[0], LowCountGram.denseChannels(count, 1000, CHANNELS));
    }

    /** Line channels 0, 11, 22, … with counts in every pixel; elsewhere a count in ~3 % of pixels; every 50th pixel empty. */
    private static float[][] counts(Random random) {
        float[][] x = new float[PIXELS][CHANNELS];
        for (int n = 0; n < PIXELS; n++) {
            if (n % 50 == 7) {
                continue;
            }
            for (int e = 0; e < CHANNELS; e++) {
                boolean line = e % 11 == 0 && e / 11 < LINES;
                if (line || random.nextDouble() < 0.03) {
                    x[n][e] = 1 + random.nextInt(line ? 9 : 2);
                }
            }
        }
        return x;
    }

    private static double[] naive(float[][] x, double[] totals) {
        double[] m = new double[(int) GramKernels.packedSize(CHANNELS)];
        for (int n = 0; n < PIXELS; n++) {
            if (totals[n] <= 0) {
                continue;
            }
            for (int c = 0; c < CHANNELS; c++) {
                for (int r = 0; r <= c; r++) {
                    m[GramKernels.packed(r, c)] += (double) x[n][r] * x[n][c] / totals[n];
                }
            }
        }
        return m;
    }
}
