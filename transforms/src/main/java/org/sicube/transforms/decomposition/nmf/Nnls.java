package org.sicube.transforms.decomposition.nmf;

import java.util.Arrays;

/**
 * Small non-negative least squares from the normal equations: minimises ½ cᵀGc − hᵀc subject to
 * c ≥ 0 (G = AᵀA, h = Aᵀb for the problem min ‖Ac − b‖), optionally also subject to Σ c = 1
 * (closure). Active-set method of Lawson &amp; Hanson (1974, ch. 23) in the normal-equation form of
 * Bro &amp; De Jong (1997); with closure, each passive-set solve is the equality-constrained KKT
 * system [G_PP 1; 1ᵀ 0] and the dual of a zero variable is measured against the multiplier of the
 * equality. G is row-major {@code n × n}, symmetric positive semi-definite; n is small (≤ a few
 * tens). One instance holds the workspace for problems up to its size; not thread-safe.
 */
public final class Nnls {

    /** Relative tolerance on the dual (gradient) values that decides optimality. */
    static final double DUAL_TOLERANCE = 1e-12;

    private final int capacity;
    private final boolean[] passive;
    private final double[] z;
    private final double[] kkt;
    private final double[] rhs;
    private final int[] index;

    public Nnls(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("NNLS needs at least one variable, got " + capacity);
        }
        this.capacity = capacity;
        this.passive = new boolean[capacity];
        this.z = new double[capacity];
        this.kkt = new double[(capacity + 1) * (capacity + 1)];
        this.rhs = new double[capacity + 1];
        this.index = new int[capacity + 1];
    }

    /**
     * Solves for the n variables into {@code c[offset .. offset + n)}; returns the number of
     * passive-set solves. An infeasible degenerate problem (all of G zero with closure) still
     * returns a point on the simplex.
     */
    public int solve(double[] g, double[] h, int n, boolean closure, double[] c, int offset) {
        if (n < 1 || n > capacity) {
            throw new IllegalArgumentException("problem of " + n + " variables for a solver of " + capacity);
        }
        Arrays.fill(passive, 0, n, false);
        Arrays.fill(c, offset, offset + n, 0.0);
        if (closure) {
            // Feasible start: the best single vertex of the simplex.
            int best = 0;
            for (int j = 1; j < n; j++) {
                if (0.5 * g[j * n + j] - h[j] < 0.5 * g[best * n + best] - h[best]) {
                    best = j;
                }
            }
            passive[best] = true;
            c[offset + best] = 1;
        }
        int solves = 0;
        for (int outer = 0; outer < 3 * n + 3; outer++) {
            int enter = entering(g, h, n, closure, c, offset);
            if (enter < 0) {
                break;
            }
            passive[enter] = true;
            boolean first = true;
            while (true) {
                solves++;
                if (!solvePassive(g, h, n, closure)) {
                    passive[enter] = false;
                    return solves;
                }
                if (first && z[enter] <= 0) {
                    // Rounding: the entering variable cannot improve the objective; c is optimal.
                    passive[enter] = false;
                    return solves;
                }
                first = false;
                double alpha = 1;
                int leaving = -1;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && z[j] <= 0) {
                        double cj = c[offset + j];
                        double a = cj / (cj - z[j]);
                        if (a < alpha || leaving < 0) {
                            alpha = a;
                            leaving = j;
                        }
                    }
                }
                if (leaving < 0) {
                    for (int j = 0; j < n; j++) {
                        c[offset + j] = passive[j] ? z[j] : 0;
                    }
                    break;
                }
                for (int j = 0; j < n; j++) {
                    if (passive[j]) {
                        double v = c[offset + j] + alpha * (z[j] - c[offset + j]);
                        c[offset + j] = v;
                        if (j == leaving || v <= 0) {
                            passive[j] = false;
                            c[offset + j] = 0;
                        }
                    }
                }
            }
        }
        return solves;
    }

    /** The zero variable whose dual most exceeds the tolerance, or −1 when c satisfies the KKT conditions. */
    private int entering(double[] g, double[] h, int n, boolean closure, double[] c, int offset) {
        double scale = 0;
        double reference = 0;
        int inPassive = 0;
        for (int j = 0; j < n; j++) {
            double w = h[j];
            double gc = 0;
            for (int l = 0; l < n; l++) {
                gc += g[j * n + l] * c[offset + l];
            }
            w -= gc;
            z[j] = w;
            scale = Math.max(scale, Math.abs(h[j]) + Math.abs(gc));
            if (passive[j]) {
                reference += w;
                inPassive++;
            }
        }
        // With closure the gradient is compared with its mean over the passive set (the multiplier).
        double shift = closure && inPassive > 0 ? reference / inPassive : 0;
        double tolerance = DUAL_TOLERANCE * scale;
        int enter = -1;
        double best = tolerance;
        for (int j = 0; j < n; j++) {
            if (!passive[j] && z[j] - shift > best) {
                best = z[j] - shift;
                enter = j;
            }
        }
        return enter;
    }

    /** z on the passive set from G_PP z = h_P (with closure: plus Σ z = 1 and a multiplier); false when singular. */
    private boolean solvePassive(double[] g, double[] h, int n, boolean closure) {
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (passive[j]) {
                index[m++] = j;
            }
        }
        int size = closure ? m + 1 : m;
        for (int r = 0; r < m; r++) {
            for (int s = 0; s < m; s++) {
                kkt[r * size + s] = g[index[r] * n + index[s]];
            }
            rhs[r] = h[index[r]];
            if (closure) {
                kkt[r * size + m] = 1;
                kkt[m * size + r] = 1;
            }
        }
        if (closure) {
            kkt[m * size + m] = 0;
            rhs[m] = 1;
        }
        if (!SmallLinearSolve.solve(kkt, rhs, size)) {
            return false;
        }
        Arrays.fill(z, 0, n, 0.0);
        for (int r = 0; r < m; r++) {
            z[index[r]] = rhs[r];
        }
        return true;
    }
}
