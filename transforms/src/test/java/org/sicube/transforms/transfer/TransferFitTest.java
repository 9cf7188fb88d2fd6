package org.sicube.transforms.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TransferFitTest {
    static final int N = 120;
    static final int W = 3;

    /**
     * The true map of instrument B onto A: a Gaussian broadening (σ 0.8 channel) shifted by 0.4
     * channel, truncated to ±3 channels and normalised, times a slowly varying gain 1.2 ± 0.1, plus
     * an offset 5 + 0.02·j counts. Row j, entry k: weight of source channel j + k.
     */
    static double[][] trueWeights() {
        double[][] w = new double[N][2 * W + 1];
        for (int j = 0; j < N; j++) {
            double sum = 0;
            for (int k = -W; k <= W; k++) {
                if (j + k >= 0 && j + k < N) {
                    double d = k - 0.4;
                    w[j][k + W] = Math.exp(-0.5 * d * d / 0.64);
                    sum += w[j][k + W];
                }
            }
            double gain = 1.2 + 0.1 * Math.sin(j / 20.0);
            for (int k = 0; k < 2 * W + 1; k++) {
                w[j][k] *= gain / sum;
            }
        }
        return w;
    }

    static double trueOffset(int j) {
        return 5 + 0.02 * j;
    }

    static double[][] randomStandards(int count, long seed) {
        Random r = new Random(seed);
        double[][] s = new double[count][N];
        for (double[] spectrum : s) {
            for (int j = 0; j < N; j++) {
                spectrum[j] = 100 * r.nextDouble();
            }
        }
        return s;
    }

    static double[][] mapAll(BandedTransfer t, double[][] source) {
        double[][] out = new double[source.length][];
        for (int s = 0; s < source.length; s++) {
            out[s] = t.apply(source[s], new double[N]);
        }
        return out;
    }

    /**
     * 25 random standards (more than the 2w + 2 = 8 unknowns of a window), no noise, ridge 1e-10:
     * every weight within 1e-6 and every offset within 1e-4 counts of the truth (the ridge biases
     * the weights by about ridge × the normal matrix's condition number, far below these).
     */
    @Test
    void pdsRecoversAKnownBandedMap() {
        BandedTransfer truth = new BandedTransfer(W, trueWeights(), java.util.stream.IntStream.range(0, N)
                .mapToDouble(TransferFitTest::trueOffset).toArray());
        double[][] source = randomStandards(25, 1);
        BandedTransfer fitted = PdsFit.fit(source, mapAll(truth, source), W, 1e-10);
        double worstW = 0;
        double worstB = 0;
        for (int j = 0; j < N; j++) {
            for (int k = -W; k <= W; k++) {
                worstW = Math.max(worstW, Math.abs(fitted.weight(j, k) - truth.weight(j, k)));
            }
            worstB = Math.max(worstB, Math.abs(fitted.offset(j) - truth.offset(j)));
        }
        System.out.printf("PDS ±%d: largest weight error %.2e, offset error %.2e counts%n", W, worstW, worstB);
        assertTrue(worstW < 1e-6, "weight error " + worstW);
        assertTrue(worstB < 1e-4, "offset error " + worstB);
        double[] unseen = randomStandards(1, 2)[0];
        double[] want = truth.apply(unseen, new double[N]);
        double[] got = fitted.apply(unseen, new double[N]);
        for (int j = 0; j < N; j++) {
            assertEquals(want[j], got[j], 1e-4, "channel " + j);
        }
    }

    /** Noiseless data of a known gain and offset per channel: both exact to rounding. */
    @Test
    void perChannelSlopeBiasIsExact() {
        double[][] source = randomStandards(4, 3);
        double[][] target = new double[4][N];
        for (int s = 0; s < 4; s++) {
            for (int j = 0; j < N; j++) {
                target[s][j] = (0.8 + 0.004 * j) * source[s][j] + (j % 7 - 3);
            }
        }
        BandedTransfer t = SlopeBiasFit.perChannel(source, target);
        assertEquals(0, t.window());
        for (int j = 0; j < N; j++) {
            assertEquals(0.8 + 0.004 * j, t.weight(j, 0), 1e-12);
            assertEquals(j % 7 - 3, t.offset(j), 1e-10);
        }
    }

    @Test
    void globalSlopeBiasIsExact() {
        double[][] source = randomStandards(3, 4);
        double[][] target = new double[3][N];
        for (int s = 0; s < 3; s++) {
            for (int j = 0; j < N; j++) {
                target[s][j] = 1.37 * source[s][j] - 4.2;
            }
        }
        BandedTransfer t = SlopeBiasFit.global(source, target);
        for (int j = 0; j < N; j += 17) {
            assertEquals(1.37, t.weight(j, 0), 1e-12);
            assertEquals(-4.2, t.offset(j), 1e-10);
        }
    }

    /** 5 standards determine the 4 weights of channel 0's truncated window but not channel 1's 5. */
    @Test
    void tooFewStandardsWithoutRidgeNameTheChannel() {
        double[][] source = randomStandards(5, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PdsFit.fit(source, source, W, 0));
        assertTrue(e.getMessage().contains("target channel 1:") && e.getMessage().contains("ridge"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PdsFit.fit(source, randomStandards(4, 6), W, 0.1));
        // With a ridge the underdetermined fit exists and reproduces an identity map closely.
        BandedTransfer t = PdsFit.fit(source, source, W, 1e-3);
        double[] out = t.apply(source[0], new double[N]);
        for (int j = 0; j < N; j++) {
            assertEquals(source[0][j], out[j], 1.0, "channel " + j);
        }
    }
}
