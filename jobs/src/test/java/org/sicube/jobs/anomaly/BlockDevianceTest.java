package org.sicube.jobs.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.anomaly.LogHistogram;
import org.sicube.transforms.anomaly.Reconstruction;

/** The candidates a block keeps hold every flagged pixel whenever the block says it is complete. */
class BlockDevianceTest {
    private static final int E = 8;

    /** A flat model: one count per channel whatever the pixel. */
    private static final Reconstruction FLAT = new Reconstruction() {
        @Override
        public int channels() {
            return E;
        }

        @Override
        public int terms() {
            return 1;
        }

        @Override
        public double[] columns() {
            double[] c = new double[E];
            java.util.Arrays.fill(c, 1.0);
            return c;
        }

        @Override
        public void coefficients(int pixels, int[] start, int[] channel, double[] value, double[] z) {
            java.util.Arrays.fill(z, 0, pixels, 1.0);
        }

        @Override
        public String describe() {
            return "flat";
        }
    };

    /**
     * 40 identical pixels first (ties of one deviance), then 10 of growing counts in channel 0: for
     * every threshold, a complete block's candidates give exactly its flagged pixels.
     */
    @Test
    void completeBlocksKeepEveryFlaggedPixel() {
        int pixels = 50;
        float[] x = new float[pixels * E];
        for (int n = 0; n < pixels; n++) {
            java.util.Arrays.fill(x, n * E, (n + 1) * E, 1f);
            x[n * E] = n < 40 ? 3 : 4 + n;
        }
        BlockDeviance d = BlockDeviance.of(BlockNonZeros.of(new PixelBlock(0, 0, 5, 10, E, x)), FLAT);
        assertEquals(BlockDeviance.CANDIDATES, d.candidates().size());
        TreeSet<Float> levels = new TreeSet<>();
        for (float v : d.deviance()) {
            levels.add(v);
        }
        int checked = 0;
        for (float level : levels) {
            DevianceThreshold t = threshold(level);
            if (d.complete(t)) {
                List<FlaggedPixel> f = d.flaggedCandidates(t, FLAT);
                assertEquals(d.flagged(t), f.size(), "threshold " + level);
                checked++;
            }
        }
        assertTrue(checked >= 10, "thresholds with a complete block: " + checked);
    }

    /** A threshold of exactly {@code deviance} (the report and quantiles play no part here). */
    private static DevianceThreshold threshold(double deviance) {
        return new DevianceThreshold(1e-4, deviance, 1, 1, 3.7, 1, "test");
    }

    @Test
    void flatPixelsHaveNoDeviance() {
        float[] x = new float[4 * E];
        java.util.Arrays.fill(x, 1f);
        BlockDeviance d = BlockDeviance.of(BlockNonZeros.of(new PixelBlock(0, 0, 2, 2, E, x)), FLAT);
        for (float v : d.deviance()) {
            assertEquals(0, v, 1e-6);
        }
        assertEquals(0, d.flagged(DevianceThreshold.fit(new LogHistogram().add(1).add(2).add(3).add(4).add(5),
                1e-4, "test")));
    }
}
