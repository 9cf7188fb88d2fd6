package org.sicube.transforms.calibration;

/**
 * Weighted linear least squares on at most four columns from its sums: the caller fills the
 * normal matrix {@link #normal} (both triangles, columns in the order u, 1, t, g so that the
 * 3-column fit is a prefix) and {@link #rhs}; the equations are equilibrated by their diagonal and
 * solved by Gaussian elimination (no pivoting needed: the matrix is symmetric positive definite).
 * Also gives the information about the g coefficient d (the Schur complement of the g column, 1 /
 * the variance of d per unit weighted noise) and the residual χ² from the weighted Σx². The step
 * of {@link ReferenceShiftFit}; reusable, allocates nothing per call.
 */
final class LinearFit4 {

    /** Normal matrix Σ w·col_a·col_b; read-only for the solver (it works on a copy). */
    final double[][] normal = new double[4][4];
    /** Right-hand side Σ w·col_a·x. */
    final double[] rhs = new double[4];
    private final double[][] m = new double[4][5];
    private final double[] scale = new double[4];
    private final double[] beta = new double[4];
    private int columns;
    private double chi2;
    private double information;

    /**
     * Fits the first {@code p} (3 or 4) columns; {@code xx} is Σ w·x² (for the χ²). False when the
     * normal equations are singular or the result is not finite.
     */
    boolean solve(int p, double xx) {
        columns = p;
        for (int a = 0; a < p; a++) {
            if (!(normal[a][a] > 0)) {
                return false;
            }
            scale[a] = 1 / Math.sqrt(normal[a][a]);
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                m[a][b] = normal[a][b] * scale[a] * scale[b];
            }
            m[a][p] = rhs[a] * scale[a];
        }
        if (!eliminate(p)) {
            return false;
        }
        double fitted = 0;
        for (int a = 0; a < p; a++) {
            beta[a] *= scale[a];
            fitted += beta[a] * rhs[a];
        }
        information = p == 4 ? m[3][3] / (scale[3] * scale[3]) : 0.0;
        // At the least-squares solution the residual is Σwx² − βᵀ(Σw·col·x); rounding can make it dip below 0.
        chi2 = Math.max(0.0, xx - fitted);
        return Double.isFinite(xx - fitted);
    }

    /** Coefficient of u. */
    double c() {
        return beta[0];
    }

    /** Coefficient of g (0 without the g column). */
    double d() {
        return columns == 4 ? beta[3] : 0.0;
    }

    /** Coefficient {@code a} of the last fit. */
    double coefficient(int a) {
        return beta[a];
    }

    /** Information about d: 1 / its variance for unit weighted noise (0 without the g column). */
    double information() {
        return information;
    }

    /** Weighted residual sum of squares of the last fit. */
    double chi2() {
        return chi2;
    }

    private boolean eliminate(int p) {
        for (int k = 0; k < p; k++) {
            // Equilibrated: the diagonal starts at 1, a pivot near 0 means collinear columns.
            if (!(m[k][k] > 1e-12)) {
                return false;
            }
            for (int i = k + 1; i < p; i++) {
                double f = m[i][k] / m[k][k];
                for (int j = k; j <= p; j++) {
                    m[i][j] -= f * m[k][j];
                }
            }
        }
        for (int k = p - 1; k >= 0; k--) {
            double s = m[k][p];
            for (int j = k + 1; j < p; j++) {
                s -= m[k][j] * beta[j];
            }
            beta[k] = s / m[k][k];
        }
        return true;
    }
}
