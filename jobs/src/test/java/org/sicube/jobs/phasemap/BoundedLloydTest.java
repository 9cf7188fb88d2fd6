package org.sicube.jobs.phasemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedLloydTest {

    /** Plain Lloyd steps: every point against every centre, chunk sums added in order. */
    private static int plain(double[] points, int n, int k, double[][] centres, int maxSteps, double epsilon) {
        for (int step = 0; step < maxSteps; step++) {
            Lloyd.Sums total = new Lloyd.Sums(centres.length, k);
            for (int from = 0; from < n; from += Lloyd.CHUNK) {
                total.merge(new Lloyd.Sums(centres.length, k).add(points, from, Math.min(n, from + Lloyd.CHUNK), k,
                        centres));
            }
            if (total.update(centres) < epsilon * epsilon) {
                return step + 1;
            }
        }
        return maxSteps;
    }

    /** Unit vectors around a few overlapping directions, so that many points sit near a boundary. */
    private static double[] overlapping(int n, int k, int groups, long seed) {
        Random r = new Random(seed);
        double[][] axes = new double[groups][k];
        for (double[] a : axes) {
            for (int c = 0; c < k; c++) {
                a[c] = r.nextGaussian();
            }
        }
        double[] points = new double[n * k];
        for (int i = 0; i < n; i++) {
            double[] a = axes[r.nextInt(groups)];
            double norm = 0;
            for (int c = 0; c < k; c++) {
                points[i * k + c] = a[c] + 1.5 * r.nextGaussian();
                norm += points[i * k + c] * points[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                points[i * k + c] /= Math.sqrt(norm);
            }
        }
        return points;
    }

    @Test
    void sameCentresAndStepsAsPlainLloydBitForBit() {
        int n = 30_000;
        int k = 8;
        double[] points = overlapping(n, k, 4, 7);
        for (int phases : new int[] {2, 5, 9}) {
            double[][] expected = Lloyd.seed(points, n, k, phases, 3);
            double[][] bounded = new double[phases][];
            for (int p = 0; p < phases; p++) {
                bounded[p] = expected[p].clone();
            }
            int plainSteps = plain(points, n, k, expected, 200, 1e-6);
            int boundedSteps = new BoundedLloyd(points, n, k).iterate(bounded, 200, 1e-6);
            // slow convergence of overlapping clusters: the bounds must have been used many times
            assertTrue(plainSteps > 5, "plain Lloyd took only " + plainSteps + " steps; the test needs more");
            assertTrue(plainSteps == boundedSteps, phases + " phases: " + plainSteps + " plain steps, " + boundedSteps
                    + " bounded");
            for (int p = 0; p < phases; p++) {
                assertArrayEquals(expected[p], bounded[p], 0.0, phases + " phases, centre " + p);
            }
        }
    }

    @Test
    void stopsAtTheStepLimit() {
        int n = 5_000;
        int k = 4;
        double[] points = overlapping(n, k, 3, 11);
        double[][] expected = Lloyd.seed(points, n, k, 6, 5);
        double[][] bounded = new double[6][];
        for (int p = 0; p < 6; p++) {
            bounded[p] = expected[p].clone();
        }
        int steps = new BoundedLloyd(points, n, k).iterate(bounded, 3, 0);
        plain(points, n, k, expected, 3, 0);
        assertTrue(steps == 3, "took " + steps + " steps with a limit of 3 and epsilon 0");
        for (int p = 0; p < 6; p++) {
            assertArrayEquals(expected[p], bounded[p], 0.0);
        }
    }
}
