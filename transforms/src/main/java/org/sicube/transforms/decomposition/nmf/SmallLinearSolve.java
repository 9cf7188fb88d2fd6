package org.sicube.transforms.decomposition.nmf;

/**
 * Gaussian elimination with partial pivoting for the small dense systems of {@link Nnls} (the
 * KKT matrix of a closure-constrained solve is symmetric but indefinite, so Cholesky does not
 * apply). The matrix is row-major {@code n × n} and is overwritten; the solution replaces b.
 */
public final class SmallLinearSolve {

    /** A pivot below this fraction of the largest matrix entry counts as singular. */
    static final double SINGULAR = 1e-13;

    private SmallLinearSolve() {
    }

    public static boolean solve(double[] a, double[] b, int n) {
        double largest = 0;
        for (int i = 0; i < n * n; i++) {
            largest = Math.max(largest, Math.abs(a[i]));
        }
        if (!(largest > 0)) {
            return false;
        }
        double threshold = SINGULAR * largest;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot * n + col]) <= threshold) {
                return false;
            }
            if (pivot != col) {
                for (int s = 0; s < n; s++) {
                    double t = a[col * n + s];
                    a[col * n + s] = a[pivot * n + s];
                    a[pivot * n + s] = t;
                }
                double t = b[col];
                b[col] = b[pivot];
                b[pivot] = t;
            }
            double d = a[col * n + col];
            for (int r = col + 1; r < n; r++) {
                double f = a[r * n + col] / d;
                if (f != 0) {
                    for (int s = col; s < n; s++) {
                        a[r * n + s] -= f * a[col * n + s];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double v = b[r];
            for (int s = r + 1; s < n; s++) {
                v -= a[r * n + s] * b[s];
            }
            b[r] = v / a[r * n + r];
        }
        return true;
    }
}
