package org.sicube.transforms.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sicube.transforms.synthetic.PixelRandom;
import org.sicube.transforms.synthetic.PoissonSampler;

/**
 * K from the Marchenko–Pastur edge on Poisson-sampled mixtures of known rank (fixed seeds):
 * three spectra with distinct peaks on a shared background, mixed with smooth abundances.
 */
class TruncationTest {

    private static final int SIDE = 48;
    private static final int CHANNELS = 200;

    /** Component spectra (counts per channel at unit abundance): a background and Gaussian peaks. */
    private static double[][] spectra(int rank) {
        double[][] s = new double[rank][CHANNELS];
        for (int c = 0; c < rank; c++) {
            for (int e = 0; e < CHANNELS; e++) {
                double background = 0.5 * Math.exp(-e / 80.0);
                double peak = Math.exp(-0.5 * Math.pow((e - 30 - 45 * c) / 3.0, 2))
                        + 0.5 * Math.exp(-0.5 * Math.pow((e - 150 + 20 * c) / 3.0, 2));
                s[c][e] = background + peak;
            }
        }
        return s;
    }

    /** Poisson counts of Σ_c abundance_c(y, x) · spectrum_c, {@code scale} counts per unit. */
    private static float[] sample(double[][] spectra, double scale, long seed) {
        int rank = spectra.length;
        float[] block = new float[SIDE * SIDE * CHANNELS];
        PixelRandom rng = new PixelRandom(0);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                rng.reset(PixelRandom.pixelKey(seed, 0, y, x));
                double thickness = 1 + 0.5 * Math.sin(0.2 * x) * Math.cos(0.15 * y);
                for (int e = 0; e < CHANNELS; e++) {
                    double lambda = 0;
                    for (int c = 0; c < rank; c++) {
                        double abundance = rank == 1 ? 1 : 1 + Math.sin(0.13 * (c + 1) * x + 0.09 * (c + 2) * y + c);
                        lambda += abundance * spectra[c][e];
                    }
                    block[(y * SIDE + x) * CHANNELS + e] = PoissonSampler.sample(rng, scale * thickness * lambda);
                }
            }
        }
        return block;
    }

    private static Truncation truncate(float[] block) {
        WeightedGram g = WeightedGramAccumulator.zero(CHANNELS).add(block, SIDE * SIDE, CHANNELS).finish(false);
        return WeightedPca.fit(g, 0, Truncation.DEFAULT_SAFETY).truncation();
    }

    @Test
    void findsTheTrueRankOfPoissonMixtures() {
        for (int rank = 2; rank <= 4; rank++) {
            for (double scale : new double[] {2, 10}) {
                Truncation t = truncate(sample(spectra(rank), scale, 100 + rank));
                System.out.println("rank " + rank + ", " + scale + " counts per unit: " + t.report());
                assertEquals(rank, t.components(), t.report());
            }
        }
    }

    @Test
    void pureNoiseAroundOneSpectrumKeepsOneComponent() {
        for (double scale : new double[] {1, 5, 50}) {
            Truncation t = truncate(sample(spectra(1), scale, 7));
            System.out.println("rank 1, " + scale + " counts per unit: " + t.report());
            assertEquals(1, t.components(), t.report());
            assertTrue(t.report().startsWith("K = 1: "));
        }
    }
}
