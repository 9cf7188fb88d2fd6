package org.sicube.transforms.background;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * The cancellation-free branch in SIMD lanes (one exp per block, series within it) against the
 * same integral channel by channel with its own exp, {@code a·lo^k·d·φ(k·d)}: on the core-loss
 * grid of the benchmark and on a coarse low-energy grid where the branch holds only for |1 − r|
 * up to about 1, for exponents from r = 1 to the branch's limit and lengths that leave channels
 * after the last whole vector. Each value is a product of a few terms accurate to an ulp or so
 * each (Math.exp: 1 ulp; the series: below 1e-17), so 1e-14 relative bounds the difference.
 */
class ChannelIntegralsTest {

    @Test
    void lanesMatchChannelByChannel() {
        check(new EnergyGrid(2048, 250, 0.5), 320, new double[] {1.0, 0.999, 2.0, 3.0, 4.5, -2.0, 9.0, -7.0});
        check(new EnergyGrid(512, 100, 1.0), 0, new double[] {1.0, 1.5, 0.2, 1.99, 0.01});
    }

    private static void check(EnergyGrid grid, int first, double[] exponents) {
        double[] ln = ChannelIntegrals.lnEdges(grid, first);
        int channels = ln.length - 1;
        for (double r : exponents) {
            double k = 1 - r;
            // Only the branch under test: |k| times the widest channel in ln E within its limit.
            assertEquals(true, Math.abs(k) * (ln[1] - ln[0]) <= 1e-2, "r = " + r + " leaves the branch");
            for (int n : new int[] {channels, channels - 3, 80, 13, 7, 1}) {
                double[] out = new double[n];
                ChannelIntegrals.fill(ln, 2.5e9, r, out, n);
                for (int j = 0; j < n; j++) {
                    double d = ln[j + 1] - ln[j];
                    double want = 2.5e9 * Math.exp(k * ln[j]) * d * TwoAreaMethod.phi(k * d);
                    assertEquals(want, out[j], 1e-14 * want, "r = " + r + ", n = " + n + ", channel " + j);
                }
            }
        }
    }
}
