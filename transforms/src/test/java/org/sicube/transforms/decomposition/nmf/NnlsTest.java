package org.sicube.transforms.decomposition.nmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** NNLS against hand-solved problems and against exhaustive search over all passive sets. */
class NnlsTest {

    /** Results of a few eliminations on O(1) data: rounding is ~1e-15. */
    private static final double EXACT = 1e-12;

    @Test
    void solvesAnAnalyticProblemWithOneActiveConstraint() {
        // A = [[1,0],[0,1],[1,1]], b = [2,−1,1]: unconstrained (2, −1); with c ≥ 0 the minimum of
        // (c1 − 2)² + 1 + (c1 − 1)² at c1 = 1.5, c2 = 0.
        double[] g = {2, 1, 1, 2};
        double[] h = {3, 0};
        double[] c = new double[2];
        new Nnls(2).solve(g, h, 2, false, c, 0);
        assertArrayEquals(new double[] {1.5, 0}, c, EXACT);
        // An interior optimum is the unconstrained solution: b = [1, 2, 3] gives (1, 2).
        new Nnls(3).solve(g, new double[] {4, 5}, 2, false, c, 0);
        assertArrayEquals(new double[] {1, 2}, c, EXACT);
    }

    @Test
    void closureProjectsOntoTheSimplex() {
        double[] g = {1, 0, 0, 1};
        double[] c = new double[2];
        // ½‖c‖² − hᵀc on Σc = 1: c = h + μ1 with μ = −0.1.
        new Nnls(2).solve(g, new double[] {1, 0.2}, 2, true, c, 0);
        assertArrayEquals(new double[] {0.9, 0.1}, c, EXACT);
        // h = (2, 0): c = (1.5, −0.5) without the bound, (1, 0) with it.
        new Nnls(2).solve(g, new double[] {2, 0}, 2, true, c, 0);
        assertArrayEquals(new double[] {1, 0}, c, EXACT);
    }

    @Test
    void matchesExhaustiveSearchOnRandomProblems() {
        Random random = new Random(7);
        int n = 6;
        Nnls solver = new Nnls(n);
        for (boolean closure : new boolean[] {false, true}) {
            for (int trial = 0; trial < 300; trial++) {
                double[] a = new double[(n + 4) * n];
                for (int i = 0; i < a.length; i++) {
                    a[i] = random.nextDouble() + (trial % 3 == 0 ? 0 : -0.3);
                }
                double[] b = new double[n + 4];
                for (int i = 0; i < b.length; i++) {
                    b[i] = random.nextGaussian();
                }
                double[] g = new double[n * n];
                double[] h = new double[n];
                for (int r = 0; r < n + 4; r++) {
                    for (int i = 0; i < n; i++) {
                        h[i] += a[r * n + i] * b[r];
                        for (int j = 0; j < n; j++) {
                            g[i * n + j] += a[r * n + i] * a[r * n + j];
                        }
                    }
                }
                double[] c = new double[n];
                solver.solve(g, h, n, closure, c, 0);
                double sum = 0;
                for (double v : c) {
                    assertTrue(v >= 0, "negative value " + v);
                    sum += v;
                }
                if (closure) {
                    assertEquals(1, sum, 1e-12, "closure");
                }
                double best = bruteForce(g, h, n, closure);
                assertEquals(best, objective(g, h, c, n), EXACT * Math.max(1, Math.abs(best)),
                        "trial " + trial + (closure ? " with closure" : ""));
            }
        }
    }

    /** The least objective over all passive sets whose unconstrained (or closure-only) solution is feasible. */
    static double bruteForce(double[] g, double[] h, int n, boolean closure) {
        double best = closure ? Double.POSITIVE_INFINITY : 0;
        for (int mask = 1; mask < 1 << n; mask++) {
            int m = Integer.bitCount(mask);
            int[] idx = new int[m];
            for (int j = 0, i = 0; j < n; j++) {
                if ((mask & 1 << j) != 0) {
                    idx[i++] = j;
                }
            }
            int size = closure ? m + 1 : m;
            double[] kkt = new double[size * size];
            double[] rhs = new double[size];
            for (int r = 0; r < m; r++) {
                for (int s = 0; s < m; s++) {
                    kkt[r * size + s] = g[idx[r] * n + idx[s]];
                }
                rhs[r] = h[idx[r]];
                if (closure) {
                    kkt[r * size + m] = 1;
                    kkt[m * size + r] = 1;
                }
            }
            if (closure) {
                rhs[m] = 1;
            }
            if (!SmallLinearSolve.solve(kkt, rhs, size)) {
                continue;
            }
            double[] c = new double[n];
            boolean feasible = true;
            for (int r = 0; r < m; r++) {
                c[idx[r]] = rhs[r];
                feasible &= rhs[r] >= -1e-12;
            }
            if (feasible) {
                best = Math.min(best, objective(g, h, c, n));
            }
        }
        return best;
    }

    static double objective(double[] g, double[] h, double[] c, int n) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double gi = 0;
            for (int j = 0; j < n; j++) {
                gi += g[i * n + j] * c[j];
            }
            f += 0.5 * c[i] * gi - h[i] * c[i];
        }
        return f;
    }
}
