package org.sicube.transforms.decomposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one-pass weighted Gram against the definition, across kernels, block splits and merge orders. */
class WeightedGramAccumulatorTest {

    private static final int ROWS = 60;
    private static final int COLS = 17;
    /** Sums of a few hundred O(1) terms in another order: rounding is far below 1e-12 relative. */
    private static final double TIGHT = 1e-12;

    private final double[][] x = NaiveWeightedPca.smallCounts(ROWS, COLS, 11);
    private final float[] block = NaiveWeightedPca.block(x);

    @Test
    void theZeroValueShippedToEveryTaskIsSmall() throws Exception {
        // Spark serializes the zero value into each task: it must not carry the 8·E² bytes of M (32 MiB at E = 2048).
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(WeightedGramAccumulator.zero(2048));
        }
        assertTrue(bytes.size() < 5 * 8 * 2048 + 4096, bytes.size() + " bytes");
        WeightedGramAccumulator merged = WeightedGramAccumulator.zero(COLS)
                .merge(WeightedGramAccumulator.zero(COLS).add(block, ROWS, COLS));
        assertArrayEquals(WeightedGramAccumulator.zero(COLS).add(block, ROWS, COLS).finish(false).gram(),
                merged.finish(false).gram());
    }

    @Test
    void gramMatchesTheDefinitionWithMasks() {
        for (boolean centre : new boolean[] {false, true}) {
            NaiveWeightedPca naive = new NaiveWeightedPca(x, centre);
            WeightedGram g = WeightedGramAccumulator.zero(COLS).add(block, ROWS, COLS).finish(centre);
            assertEquals(1, g.maskedChannels());
            assertEquals(1, g.emptyPixels());
            assertEquals(ROWS - 1, g.pixels());
            assertArrayEquals(naive.kept, g.keptChannels());
            assertClose(flatten(naive.gram), g.gram(), TIGHT);
            assertEquals(naive.trace(), g.trace(), TIGHT * naive.trace());
        }
    }

    @Test
    void traceIsTheSumOfSquaredWeightedCounts() {
        NaiveWeightedPca naive = new NaiveWeightedPca(x, false);
        double frobenius = 0;
        for (double[] row : naive.xw) {
            for (double v : row) {
                frobenius += v * v;
            }
        }
        WeightedGram g = WeightedGramAccumulator.zero(COLS).add(block, ROWS, COLS).finish(false);
        assertEquals(frobenius, g.trace(), TIGHT * frobenius);
    }

    @Test
    void denseAndSparseKernelsAgree() {
        WeightedGramAccumulator dense = WeightedGramAccumulator.zero(COLS);
        WeightedGramAccumulator sparse = WeightedGramAccumulator.zero(COLS);
        double[] totals = dense.pixelTotals(block, ROWS, COLS);
        dense.add(block, ROWS, COLS, totals, false);
        sparse.add(block, ROWS, COLS, totals, true);
        assertClose(dense.finish(false).gram(), sparse.finish(false).gram(), TIGHT);
        assertClose(dense.finish(true).gram(), sparse.finish(true).gram(), TIGHT);
    }

    @Test
    void denseKernelCrossesItsChunkBoundary() {
        int rows = GramKernels.DENSE_ROWS + 37;
        double[][] big = NaiveWeightedPca.smallCounts(rows, COLS, 5);
        float[] b = NaiveWeightedPca.block(big);
        WeightedGramAccumulator dense = WeightedGramAccumulator.zero(COLS);
        WeightedGramAccumulator sparse = WeightedGramAccumulator.zero(COLS);
        double[] totals = dense.pixelTotals(b, rows, COLS);
        dense.add(b, rows, COLS, totals, false);
        sparse.add(b, rows, COLS, totals, true);
        assertClose(sparse.finish(false).gram(), dense.finish(false).gram(), TIGHT);
        assertClose(flatten(new NaiveWeightedPca(big, false).gram), dense.finish(false).gram(), TIGHT);
    }

    @Test
    void blockSplitsAndMergeOrdersDoNotMatter() {
        double[] whole = WeightedGramAccumulator.zero(COLS).add(block, ROWS, COLS).finish(true).gram();
        int[][] splits = {{1, 59}, {7, 13, 40}, {30, 30}, {5, 5, 5, 5, 40}};
        for (int[] split : splits) {
            WeightedGramAccumulator[] parts = new WeightedGramAccumulator[split.length];
            int start = 0;
            for (int i = 0; i < split.length; i++) {
                float[] part = Arrays.copyOfRange(block, start * COLS, (start + split[i]) * COLS);
                parts[i] = WeightedGramAccumulator.zero(COLS).add(part, split[i], COLS);
                start += split[i];
            }
            WeightedGramAccumulator forward = WeightedGramAccumulator.zero(COLS);
            for (WeightedGramAccumulator p : parts) {
                forward.merge(p);
            }
            WeightedGramAccumulator backward = parts[parts.length - 1];
            for (int i = parts.length - 2; i >= 0; i--) {
                backward = parts[i].merge(backward);
            }
            assertClose(whole, forward.finish(true).gram(), TIGHT);
            assertClose(whole, backward.finish(true).gram(), TIGHT);
            assertEquals(ROWS - 1, backward.pixels());
        }
    }

    @Test
    void noiseVarianceIsTheInverseTotalForRankOneMeans() {
        double[][] rankOne = new double[400][COLS];
        java.util.Random rng = new java.util.Random(3);
        for (int n = 0; n < rankOne.length; n++) {
            for (int e = 0; e < COLS; e++) {
                rankOne[n][e] = NaiveWeightedPca.poisson(rng, (1 + n % 7) * (1 + e % 4) * 2.0);
            }
        }
        WeightedGram g = WeightedGramAccumulator.zero(COLS).add(NaiveWeightedPca.block(rankOne), rankOne.length, COLS)
                .finish(false);
        double inverseTotal = 1 / g.totalCounts();
        assertTrue(Math.abs(g.noiseVariance() / inverseTotal - 1) < 0.05,
                () -> g.noiseVariance() + " vs 1/T " + inverseTotal);
    }

    static double[] flatten(double[][] a) {
        int n = a.length;
        double[] f = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                f[i + j * n] = a[i][j];
            }
        }
        return f;
    }

    /** Max |expected − actual| relative to max |expected|. */
    static void assertClose(double[] expected, double[] actual, double relative) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(diff <= relative * scale, "max difference " + diff + " relative to " + scale);
    }
}
