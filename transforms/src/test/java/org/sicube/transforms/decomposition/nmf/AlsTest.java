package org.sicube.transforms.decomposition.nmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sicube.transforms.decomposition.CompressedRows;
import org.sicube.transforms.decomposition.NaiveWeightedPca;
import org.sicube.transforms.decomposition.Truncation;
import org.sicube.transforms.decomposition.WeightedGramAccumulator;
import org.sicube.transforms.decomposition.WeightedPca;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/** Alternating NNLS on a noiseless rank-3 matrix: exact recovery, closure, fixed spectra, initialisation. */
class AlsTest {

    private static final int E = NmfFixture.E;
    private static final int N = NmfFixture.N;
    private static final int K = NmfFixture.K;

    private static NmfModel start(NmfFixture f, boolean poisson, boolean closure, boolean[] fixed) {
        double[] d = new double[E];
        for (int e = 0; e < E; e++) {
            // Arbitrary positive channel weights stand in for 1/b when Poisson-weighted.
            d[e] = poisson ? 1 + 0.5 * Math.sin(e) : 1;
        }
        return new NmfModel(f.mixedStart(), K, d, poisson, closure, fixed);
    }

    @Test
    void recoversExactFactorsUpToPermutationAndScale() {
        NmfFixture f = new NmfFixture(false);
        for (boolean poisson : new boolean[] {false, true}) {
            NmfModel m = NmfFixture.run(start(f, poisson, false, new boolean[K]), f.block, N, E, 300, 64);
            double cosine = NmfFixture.matchedCosine(f.spectra, m);
            System.out.println("ALS rank 3" + (poisson ? " weighted" : "") + ": worst matched cosine " + cosine);
            // Noiseless data with pure pixels: the factorisation is unique up to permutation and scale.
            assertTrue(cosine >= 0.9999, "cosine " + cosine);
            NmfSums last = NmfSums.zero(E, K).add(f.block, N, E, m);
            assertTrue(last.relativeLoss() < 1e-8, "relative loss " + last.relativeLoss());
        }
    }

    @Test
    void closureHoldsPerPixel() {
        NmfFixture f = new NmfFixture(true);
        // With closure the spectra carry the scale of a pixel (here 100 × the fixture's spectra).
        double[] s0 = f.mixedStart();
        for (int i = 0; i < s0.length; i++) {
            s0[i] *= 100;
        }
        NmfModel m = NmfFixture.run(new NmfModel(s0, K, ones(), false, true, new boolean[K]), f.block, N, E, 300, 50);
        double cosine = NmfFixture.matchedCosine(f.spectra, m);
        System.out.println("ALS rank 3 with closure: worst matched cosine " + cosine);
        assertTrue(cosine >= 0.9999, "cosine " + cosine);
        double[] c = new double[N * K];
        m.abundances(f.block, N, E, c);
        for (int n = 0; n < N; n++) {
            double sum = 0;
            for (int k = 0; k < K; k++) {
                assertTrue(c[n * K + k] >= 0);
                sum += c[n * K + k];
            }
            assertEquals(1, sum, 1e-9, "pixel " + n);
        }
    }

    @Test
    void fixedSpectraStayFixed() {
        NmfFixture f = new NmfFixture(false);
        double[] s = f.mixedStart();
        for (int e = 0; e < E; e++) {
            s[e * K] = f.spectra[0][e] / 7;
        }
        boolean[] fixed = {true, false, false};
        NmfModel m0 = new NmfModel(s, K, ones(), false, false, fixed);
        NmfModel m = NmfFixture.run(m0, f.block, N, E, 300, 64);
        assertArrayEquals(m0.spectrum(0), m.spectrum(0), 0.0, "the fixed spectrum is untouched");
        double cosine = NmfFixture.matchedCosine(f.spectra, m);
        assertTrue(cosine >= 0.9999, "cosine " + cosine);
    }

    @Test
    void sumsDoNotDependOnBlocking() {
        NmfFixture f = new NmfFixture(false);
        NmfModel m = start(f, true, false, new boolean[K]);
        NmfModel a = NmfFixture.run(m, f.block, N, E, 20, N);
        NmfModel b = NmfFixture.run(m, f.block, N, E, 20, 7);
        double[] sa = a.spectra();
        double[] sb = b.spectra();
        for (int i = 0; i < sa.length; i++) {
            assertEquals(sa[i], sb[i], 1e-12 * Arrays.stream(sa).max().orElseThrow());
        }
    }

    @Test
    void successiveProjectionsOnPcaPointsFindThePurePixels() {
        NmfFixture f = new NmfFixture(false);
        WeightedPcaModel pca = WeightedPca.fit(WeightedGramAccumulator.zero(E).add(f.block, N, E).finish(false), K,
                Truncation.DEFAULT_SAFETY);
        double[] points = new double[N * K];
        PurePixelInit.points(pca, f.block, N, E, points);
        SuccessiveProjections spa = new SuccessiveProjections(K);
        List<double[]> columns = new ArrayList<>();
        for (int pick = 0; pick < K; pick++) {
            SuccessiveProjections.Pick best = null;
            for (int n = 0; n < N; n++) {
                double[] p = Arrays.copyOfRange(points, n * K, n * K + K);
                best = SuccessiveProjections.Pick.better(best, new SuccessiveProjections.Pick(spa.residual(p, 0), n, p));
            }
            assertTrue(best.pixel() < 30, "pick " + pick + " is pixel " + best.pixel() + ", not a pure one");
            assertTrue(spa.choose(best.point()));
            columns.add(PurePixelInit.spectrum(pca, best.point()));
        }
        NmfModel m = PurePixelInit.model(columns, 0, PurePixelInit.channelWeights(pca, true), true, false, 1);
        double cosine = NmfFixture.matchedCosine(f.spectra, m);
        assertTrue(cosine >= 0.9999, "initial cosine " + cosine);
    }

    @Test
    void passSumsEqualDirectComputation() {
        NmfFixture f = new NmfFixture(false);
        assertPassSumsEqualDirectComputation(f, f.block);
    }

    /** Low counts (Poisson draws of 0.3 % of the fixture, a few counts a pixel): most channels 0. */
    @Test
    void passSumsOfSparseCountsEqualDirectComputation() {
        NmfFixture f = new NmfFixture(false);
        Random random = new Random(5);
        float[] sparse = new float[f.block.length];
        int zeros = 0;
        for (int i = 0; i < sparse.length; i++) {
            sparse[i] = NaiveWeightedPca.poisson(random, 0.003 * f.block[i]);
            zeros += sparse[i] == 0 ? 1 : 0;
        }
        assertTrue(zeros > sparse.length / 2, zeros + " zeros of " + sparse.length);
        assertPassSumsEqualDirectComputation(f, sparse);
    }

    /** The pass sums, through the dense and the compressed-rows entry, against the loss and normal equations channel by channel. */
    private static void assertPassSumsEqualDirectComputation(NmfFixture f, float[] block) {
        NmfModel m = start(f, true, false, new boolean[K]);
        NmfSums sums = NmfSums.zero(E, K).add(block, N, E, m);
        CompressedRows rows = CompressedRows.of(block, N, E);
        NmfSums fromRows = NmfSums.zero(E, K).add(rows.start(), rows.channel(), rows.value(), N, m);
        double[] c = new double[N * K];
        m.abundances(block, N, E, c);
        double[] cRows = new double[N * K];
        m.abundances(rows.start(), rows.channel(), rows.value(), N, cRows);
        assertArrayEquals(c, cRows, 0.0);
        double[] s = m.spectra();
        double loss = 0;
        double reference = 0;
        double[] cc = new double[K * K];
        double[] xc = new double[E * K];
        long pixels = 0;
        for (int n = 0; n < N; n++) {
            double a = 0;
            for (int e = 0; e < E; e++) {
                a += block[n * E + e];
            }
            if (a == 0) {
                continue;
            }
            pixels++;
            for (int e = 0; e < E; e++) {
                double x = block[n * E + e];
                double fit = 0;
                for (int k = 0; k < K; k++) {
                    fit += c[n * K + k] * s[e * K + k];
                    xc[e * K + k] += x * c[n * K + k] / a;
                }
                double d = 1 + 0.5 * Math.sin(e);
                loss += d * (x - fit) * (x - fit) / a;
                reference += d * x * x / a;
            }
            for (int i = 0; i < K; i++) {
                for (int j = 0; j < K; j++) {
                    cc[i * K + j] += c[n * K + i] * c[n * K + j] / a;
                }
            }
        }
        for (NmfSums got : List.of(sums, fromRows)) {
            assertEquals(loss, got.loss(), 1e-9 * loss);
            assertEquals(loss / reference, got.relativeLoss(), 1e-9);
            assertArrayEquals(cc, got.cc(), 1e-12 * Arrays.stream(cc).max().orElseThrow());
            assertArrayEquals(xc, got.xc(), 1e-12 * Arrays.stream(xc).max().orElseThrow());
            assertEquals(pixels, got.pixels());
        }
    }

    @Test
    void lossHistoryStopsOnSmallChange() {
        LossHistory h = new LossHistory(1e-3);
        assertTrue(!h.add(1.0));
        assertTrue(!h.add(0.5));
        assertTrue(h.add(0.4999));
        assertEquals(0.5, h.change(1), 1e-15);
        assertEquals(3, h.iterations());
    }

    private static double[] ones() {
        double[] d = new double[E];
        Arrays.fill(d, 1);
        return d;
    }
}
