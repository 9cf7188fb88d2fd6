package org.sicube.transforms.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The randomized path against the exact one: exact when the sketch spans every channel, converged otherwise. */
class RandomizedPcaTest {

    private static WeightedPcaModel exact(float[] block, int rows, int cols, boolean centre, int k) {
        return WeightedPca.fit(WeightedGramAccumulator.zero(cols).add(block, rows, cols).finish(centre), k,
                Truncation.DEFAULT_SAFETY);
    }

    /** The driver loop, the block split in two parts merged as Spark would. */
    private static RandomizedPca randomized(float[] block, int rows, int cols, boolean centre, int k, int oversampling) {
        int half = rows / 2;
        float[] first = java.util.Arrays.copyOf(block, half * cols);
        float[] second = java.util.Arrays.copyOfRange(block, half * cols, rows * cols);
        WeightedGram stats = ChannelSums.zero(cols).add(first, half, cols)
                .merge(ChannelSums.zero(cols).add(second, rows - half, cols)).finish(centre);
        RandomizedPca pca = new RandomizedPca(stats, k, oversampling, RandomizedPca.DEFAULT_PASSES, RandomizedPca.SEED);
        boolean done = false;
        while (!done) {
            done = pca.update(pca.nextPass().add(second, rows - half, cols).merge(pca.nextPass().add(first, half, cols)));
        }
        return pca;
    }

    @Test
    void aSketchSpanningAllChannelsIsExact() {
        // 80 pixels × 15 channels: K = 5 plus 10 oversampled directions span all E' ≤ 15 kept channels.
        double[][] x = NaiveWeightedPca.smallCounts(80, 15, 23);
        float[] block = NaiveWeightedPca.block(x);
        for (boolean centre : new boolean[] {false, true}) {
            WeightedPcaModel e = exact(block, 80, 15, centre, 5);
            RandomizedPca pca = randomized(block, 80, 15, centre, 5, 10);
            WeightedPcaModel r = pca.model(Truncation.DEFAULT_SAFETY);
            int kept = e.eigenvalues().length;
            assertEquals(kept, pca.rank());
            // Rounding of O(1) eigenvalues through a few QRs and two eigen-solvers: 1e-12 of the largest.
            assertEquals(e.trace(), r.trace(), 1e-12 * e.trace(), "trace");
            double[] ev = e.eigenvalues();
            for (int i = 0; i < kept; i++) {
                assertEquals(ev[i], r.eigenvalues()[i], 1e-12 * ev[0], "eigenvalue " + i);
            }
            double[] le = e.weightedLoadings();
            double[] lr = r.weightedLoadings();
            for (int i = 0; i < le.length; i++) {
                assertEquals(le[i], lr[i], 1e-9, "loading " + i + (centre ? " (centred)" : ""));
            }
        }
    }

    @Test
    void leadingEigenvaluesConvergeWithASmallSketch() {
        // 600 pixels × 120 channels: three spectra mixed at random, Poisson counts of ~300 per pixel.
        int rows = 600;
        int cols = 120;
        Random rng = new Random(5);
        double[][] spectra = new double[3][cols];
        for (double[] s : spectra) {
            double centre = rng.nextInt(cols);
            for (int e = 0; e < cols; e++) {
                s[e] = 0.3 + 20 * Math.exp(-0.5 * Math.pow((e - centre) / 4.0, 2));
            }
        }
        double[][] x = new double[rows][cols];
        for (int n = 0; n < rows; n++) {
            double[] w = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            for (int e = 0; e < cols; e++) {
                double mean = 0.4 * (w[0] * spectra[0][e] + w[1] * spectra[1][e] + w[2] * spectra[2][e]);
                x[n][e] = NaiveWeightedPca.poisson(rng, mean);
            }
        }
        float[] block = NaiveWeightedPca.block(x);
        WeightedPcaModel e = exact(block, rows, cols, false, 3);
        RandomizedPca pca = randomized(block, rows, cols, false, 3, 5);
        WeightedPcaModel r = pca.model(Truncation.DEFAULT_SAFETY);
        assertEquals(8, pca.rank());
        assertTrue(pca.passes() < RandomizedPca.DEFAULT_PASSES, "converged in " + pca.passes() + " passes");
        // The signal eigenvalues stand far above the noise: converged to the 1e-7 stopping rule, well within 1e-6.
        for (int i = 0; i < 3; i++) {
            assertEquals(e.eigenvalues()[i], r.eigenvalues()[i], 1e-6 * e.eigenvalues()[i], "eigenvalue " + i);
        }
        assertEquals(e.trace(), r.trace(), 1e-12 * e.trace(), "trace");
        assertEquals(e.truncation().edge(), r.truncation().edge(), 1e-12 * e.truncation().edge(), "noise edge");
    }

    @Test
    void methodFollowsTheEstimatedCost() {
        // 10^5 EDS spectra of 200 counts: a sparse Gram of ~4e9 flops, exact.
        assertEquals(MethodChoice.EXACT, MethodChoice.choose(100_000, 2048, 2e7, 20, 10, null).method());
        // 10^7 dense spectra (2·10^4 counts each, every channel set): 4e13 flops exact, 1.5e12 randomized.
        MethodChoice big = MethodChoice.choose(10_000_000, 2048, 2e11, 20, 10, null);
        assertEquals(MethodChoice.RANDOMIZED, big.method());
        assertTrue(big.reason().startsWith("randomized: the exact path is large"), big.reason());
        assertEquals(MethodChoice.EXACT, MethodChoice.choose(10_000_000, 2048, 2e11, 20, 10, "exact").method());
        assertEquals(MethodChoice.RANDOMIZED, MethodChoice.choose(100, 60_000, 1e6, 5, 10, null).method());
        assertThrows(IllegalArgumentException.class, () -> MethodChoice.choose(100, 60_000, 1e6, 5, 10, "exact"));
    }
}
