package org.sicube.transforms.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sicube.transforms.decomposition.Truncation;
import org.sicube.transforms.decomposition.WeightedGramAccumulator;
import org.sicube.transforms.decomposition.WeightedPca;
import org.sicube.transforms.decomposition.WeightedPcaModel;
import org.sicube.transforms.decomposition.nmf.NmfModel;

/** The block reconstructions of a weighted PCA (all or some components) and of an NMF. */
class ReconstructionTest {
    private static final int PIXELS = 120;
    /** Not a multiple of any SIMD width, so the kernels' scalar tails run too. */
    private static final int E = 27;

    /** Counts of three Gaussian-peak spectra mixed per pixel, Poisson-like integer noise. */
    private static float[] mixtures(long seed) {
        Random r = new Random(seed);
        float[] x = new float[PIXELS * E];
        for (int n = 0; n < PIXELS; n++) {
            double[] c = {r.nextDouble(), r.nextDouble(), n % 40 == 0 ? 3 : 0};
            for (int e = 0; e < E; e++) {
                double m = 2 + 30 * c[0] * Math.exp(-0.5 * Math.pow((e - 5) / 1.5, 2))
                        + 30 * c[1] * Math.exp(-0.5 * Math.pow((e - 12) / 1.5, 2))
                        + 30 * c[2] * Math.exp(-0.5 * Math.pow((e - 19) / 1.5, 2));
                x[n * E + e] = (float) Math.max(0, Math.round(m + Math.sqrt(m) * r.nextGaussian()));
            }
        }
        return x;
    }

    private static WeightedPcaModel pca(float[] x, int k) {
        return WeightedPca.fit(WeightedGramAccumulator.zero(E).add(x, PIXELS, E).finish(false), k,
                Truncation.DEFAULT_SAFETY);
    }

    /** All components: the block kernel (one dgemm) equals the model's per-pixel reconstruction (1e-9 relative). */
    @Test
    void allComponentsMatchThePerPixelReconstruction() {
        float[] x = mixtures(1);
        WeightedPcaModel m = pca(x, 3);
        double[] out = new double[PIXELS * E];
        PcaReconstruction.of(m).reconstruct(x, PIXELS, E, out);
        double[] scores = new double[PIXELS * 3];
        m.scores(x, PIXELS, E, scores);
        double[] one = new double[E];
        for (int n = 0; n < PIXELS; n++) {
            double a = 0;
            for (int e = 0; e < E; e++) {
                a += x[n * E + e];
            }
            m.reconstruct(scores, n * 3, a, one);
            for (int e = 0; e < E; e++) {
                assertEquals(one[e], out[n * E + e], 1e-9 * (1 + Math.abs(one[e])));
            }
        }
    }

    /**
     * Leaving component 2 out equals the per-pixel reconstruction with that score set to 0: the
     * other scores do not change (orthonormal loadings).
     */
    @Test
    void leftOutComponentIsOnlyItsOwnTerm() {
        float[] x = mixtures(2);
        WeightedPcaModel m = pca(x, 3);
        PcaReconstruction r = new PcaReconstruction(m, new boolean[] {true, false, true});
        double[] out = new double[PIXELS * E];
        r.reconstruct(x, PIXELS, E, out);
        double[] scores = new double[PIXELS * 3];
        m.scores(x, PIXELS, E, scores);
        double[] one = new double[E];
        double changed = 0;
        for (int n = 0; n < PIXELS; n++) {
            double a = 0;
            for (int e = 0; e < E; e++) {
                a += x[n * E + e];
            }
            double[] s = {scores[n * 3], 0, scores[n * 3 + 2]};
            m.reconstruct(s, 0, a, one);
            for (int e = 0; e < E; e++) {
                assertEquals(one[e], out[n * E + e], 1e-9 * (1 + Math.abs(one[e])));
            }
            changed += Math.abs(scores[n * 3 + 1]);
        }
        assertTrue(changed > 0, "component 2 carries something, so the test can fail");
        assertTrue(r.describe().contains("2 of K = 3 components (left out: component 2)"), r.describe());
        assertThrows(IllegalArgumentException.class, () -> new PcaReconstruction(m, new boolean[2]));
    }

    /**
     * The block statistics (dense part plus correction over channels with counts, in chunks) equal
     * the direct sums of {@link PoissonDeviance} over every channel, to rounding (1e-9 relative).
     */
    @Test
    void blockStatisticsEqualTheDirectSums() {
        float[] x = mixtures(3);
        for (int i = 0; i < x.length; i += 7) {
            x[i] = 0;
        }
        java.util.Arrays.fill(x, 5 * E, 6 * E, 0f);
        Reconstruction r = new PcaReconstruction(pca(x, 3), new boolean[] {true, true, false});
        BlockResiduals b = new BlockResiduals(r, x, PIXELS, E);
        double[] out = new double[PIXELS * E];
        r.reconstruct(x, PIXELS, E, out);
        boolean clamped = false;
        for (int n = 0; n < PIXELS; n++) {
            double[] xh = java.util.Arrays.copyOfRange(out, n * E, (n + 1) * E);
            double d = n == 5 ? 0 : PoissonDeviance.deviance(x, n * E, xh);
            double c = n == 5 ? 0 : PoissonDeviance.chiSquare(x, n * E, xh);
            assertEquals(d, b.deviance()[n], 1e-9 * (1 + d), "deviance of pixel " + n);
            assertEquals(c, b.chiSquare()[n], 1e-9 * (1 + c), "χ² of pixel " + n);
            for (int e = 0; e < E; e++) {
                clamped |= xh[e] < PoissonDeviance.FLOOR;
                assertEquals(x[n * E + e] - xh[e], b.residual(n)[e], 1e-4 * (1 + Math.abs(xh[e])));
            }
        }
        assertEquals(0, b.total(5), "an empty pixel");
        SparseRows rows = SparseRows.of(x, PIXELS, E);
        float[] values = new float[rows.value().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rows.value()[i];
        }
        BlockResiduals fromNonZeros = new BlockResiduals(r, PIXELS, E, rows.start(), rows.channel(), values);
        assertArrayEquals(b.deviance(), fromNonZeros.deviance(), "the same numbers from the non-zero counts");
        assertArrayEquals(b.chiSquare(), fromNonZeros.chiSquare());
        assertTrue(clamped, "some reconstructed channels fall below the floor, so the clamped branch is tested");
    }

    /** Noiseless counts of two non-negative spectra: the NMF with the true spectra reconstructs them exactly. */
    @Test
    void nmfReconstructsExactMixtures() {
        int k = 2;
        double[] spectra = new double[E * k];
        for (int e = 0; e < E; e++) {
            spectra[e * k] = Math.exp(-0.5 * Math.pow((e - 6) / 2.0, 2)) + 0.1;
            spectra[e * k + 1] = Math.exp(-0.5 * Math.pow((e - 16) / 2.0, 2)) + 0.05 * e / E;
        }
        float[] x = new float[PIXELS * E];
        for (int n = 0; n < PIXELS; n++) {
            double c0 = 10 + n % 7;
            double c1 = n % 5 == 0 ? 0 : 3 + n % 11;
            for (int e = 0; e < E; e++) {
                x[n * E + e] = (float) (c0 * spectra[e * k] + c1 * spectra[e * k + 1]);
            }
        }
        double[] ones = new double[E];
        java.util.Arrays.fill(ones, 1);
        NmfReconstruction r = new NmfReconstruction(new NmfModel(spectra, k, ones, false, false, new boolean[k]));
        double[] out = new double[PIXELS * E];
        r.reconstruct(x, PIXELS, E, out);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], out[i], 1e-4 * (1 + x[i]), "value " + i);
        }
        BlockResiduals res = new BlockResiduals(r, x, PIXELS, E);
        for (int n = 0; n < PIXELS; n++) {
            assertTrue(res.deviance()[n] < 1e-6, "deviance of an exact fit, pixel " + n + ": " + res.deviance()[n]);
        }
    }
}
