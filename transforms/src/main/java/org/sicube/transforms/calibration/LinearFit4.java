package org.sicube.transforms.calibration;

/**
 * Weighted linear least squares of one segment {@code j ∈ [j0, j0 + len)} of a spectrum window on
 * at most four columns, {@code x_{from+j} ≈ c·u_j + a + b·t_j + d·g_j} with t running from −1 to 1
 * over the segment (the g column left out when g is null): normal equations, equilibrated by their
 * diagonal, solved by Gaussian elimination (no pivoting needed: the matrix is symmetric positive
 * definite). Also gives the information about d, the Schur complement of the g column (1 / the
 * variance of d per unit weighted noise). The step of {@link ReferenceShiftFit}; reusable,
 * allocates nothing per call.
 */
final class LinearFit4 {

    private final double[][] normal = new double[4][5];
    private final double[] scale = new double[4];
    private final double[] beta = new double[4];
    private final double[] row = new double[4];
    private boolean hasSlope;
    private double chi2;
    private double information;

    /** Fits; false when the normal equations are singular. */
    boolean solve(double[] x, int from, double[] u, double[] g, double[] w, int j0, int len) {
        hasSlope = g != null;
        int p = hasSlope ? 4 : 3;
        double centre = j0 + 0.5 * (len - 1);
        double halfWidth = 0.5 * len;
        for (double[] r : normal) {
            java.util.Arrays.fill(r, 0.0);
        }
        for (int j = j0; j < j0 + len; j++) {
            columns(u, g, j, centre, halfWidth);
            double wj = w[j];
            double xj = x[from + j];
            for (int a = 0; a < p; a++) {
                double wr = wj * row[a];
                for (int b = a; b < p; b++) {
                    normal[a][b] += wr * row[b];
                }
                normal[a][p] += wr * xj;
            }
        }
        for (int a = 0; a < p; a++) {
            if (!(normal[a][a] > 0)) {
                return false;
            }
            scale[a] = 1 / Math.sqrt(normal[a][a]);
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                normal[a][b] = normal[b][a];
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                normal[a][b] *= scale[a] * scale[b];
            }
            normal[a][p] *= scale[a];
        }
        if (!eliminate(p)) {
            return false;
        }
        for (int a = 0; a < p; a++) {
            beta[a] *= scale[a];
        }
        information = hasSlope ? normal[3][3] / (scale[3] * scale[3]) : 0.0;
        chi2 = 0;
        for (int j = j0; j < j0 + len; j++) {
            columns(u, g, j, centre, halfWidth);
            double model = 0;
            for (int a = 0; a < p; a++) {
                model += beta[a] * row[a];
            }
            double r = x[from + j] - model;
            chi2 += w[j] * r * r;
        }
        return Double.isFinite(chi2);
    }

    /** Coefficient of u. */
    double c() {
        return beta[0];
    }

    /** Coefficient of g (0 without the g column). */
    double d() {
        return hasSlope ? beta[3] : 0.0;
    }

    /** Information about d: 1 / its variance for unit weighted noise (0 without the g column). */
    double information() {
        return information;
    }

    /** Weighted residual sum of squares of the last fit. */
    double chi2() {
        return chi2;
    }

    /** Columns in the order u, 1, t, g (g last so that the 3-column fit is a prefix). */
    private void columns(double[] u, double[] g, int j, double centre, double halfWidth) {
        row[0] = u[j];
        row[1] = 1.0;
        row[2] = (j - centre) / halfWidth;
        if (g != null) {
            row[3] = g[j];
        }
    }

    private boolean eliminate(int p) {
        double[][] m = normal;
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
