package org.sicube.transforms.decomposition;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.booleanW;
import org.netlib.util.intW;

/**
 * All eigenvalues and the leading eigenvectors of a real symmetric matrix with one Householder
 * tridiagonalisation (LAPACK {@code dsytrd}, the O(n³) step): eigenvalues of the tridiagonal
 * matrix by {@code dsterf}, the k leading eigenvectors by relatively robust representations
 * ({@code dstemr}), taken back to the original basis by {@code dormtr}. Matrices are full
 * column-major {@code n × n}; only the upper triangle is read and the input is not modified.
 */
final class SymmetricEigen {

    private SymmetricEigen() {
    }

    /** The tridiagonal form T = Qᵀ A Q of A (Q kept as dsytrd's reflectors) and all eigenvalues. */
    static Tridiagonal tridiagonal(double[] a, int n) {
        return new Tridiagonal(a, n);
    }

    /** A tridiagonalised matrix: all eigenvalues at once, leading eigenvectors on demand. */
    static final class Tridiagonal {
        private final int n;
        private final double[] reflectors;
        private final double[] tau;
        private final double[] diagonal;
        private final double[] offDiagonal;
        private final double[] values;

        private Tridiagonal(double[] a, int n) {
            this.n = n;
            this.reflectors = a.clone();
            this.diagonal = new double[n];
            this.offDiagonal = new double[Math.max(1, n)];
            this.tau = new double[Math.max(1, n)];
            this.values = new double[n];
            if (n == 0) {
                return;
            }
            LAPACK lapack = LAPACK.getInstance();
            intW info = new intW(0);
            double[] query = new double[1];
            lapack.dsytrd("U", n, reflectors, n, diagonal, offDiagonal, tau, query, -1, info);
            check(info, "dsytrd workspace query");
            int lwork = Math.max(1, (int) query[0]);
            lapack.dsytrd("U", n, reflectors, n, diagonal, offDiagonal, tau, new double[lwork], lwork, info);
            check(info, "dsytrd");
            double[] ascending = diagonal.clone();
            lapack.dsterf(n, ascending, offDiagonal.clone(), info);
            check(info, "dsterf");
            for (int i = 0; i < n; i++) {
                values[i] = ascending[n - 1 - i];
            }
        }

        /** All n eigenvalues, descending. */
        double[] values() {
            return values.clone();
        }

        /** Unit eigenvectors of the k largest eigenvalues, {@code n × k} column-major, largest first. */
        double[] leadingVectors(int k) {
            if (k < 0 || k > n) {
                throw new IllegalArgumentException("asked for " + k + " eigenvectors of a " + n + " × " + n + " matrix");
            }
            return k == 0 ? new double[0]
                    : SymmetricEigen.leadingVectors(LAPACK.getInstance(), reflectors, tau, diagonal, offDiagonal, n, k);
        }
    }

    /** dstemr on the tridiagonal (d, e) for eigenvalues n−k+1..n, then Q·Z with the reflectors of dsytrd. */
    private static double[] leadingVectors(LAPACK lapack, double[] t, double[] tau, double[] d, double[] e, int n, int k) {
        double[] w = new double[n];
        double[] z = new double[n * k];
        int[] support = new int[2 * n];
        intW found = new intW(0);
        intW info = new intW(0);
        booleanW relativeAccuracy = new booleanW(true);
        double[] query = new double[1];
        int[] iquery = new int[1];
        lapack.dstemr("V", "I", n, d.clone(), e.clone(), 0, 0, n - k + 1, n, found, w, z, n, k, support,
                relativeAccuracy, query, -1, iquery, -1, info);
        check(info, "dstemr workspace query");
        int lwork = Math.max(1, (int) query[0]);
        int liwork = Math.max(1, iquery[0]);
        lapack.dstemr("V", "I", n, d.clone(), e.clone(), 0, 0, n - k + 1, n, found, w, z, n, k, support,
                new booleanW(true), new double[lwork], lwork, new int[liwork], liwork, info);
        check(info, "dstemr");
        if (found.val != k) {
            throw new ArithmeticException("dstemr found " + found.val + " eigenvectors, expected " + k);
        }
        lapack.dormtr("L", "U", "N", n, k, t, n, tau, z, n, query, -1, info);
        check(info, "dormtr workspace query");
        lwork = Math.max(1, (int) query[0]);
        lapack.dormtr("L", "U", "N", n, k, t, n, tau, z, n, new double[lwork], lwork, info);
        check(info, "dormtr");
        double[] descending = new double[n * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(z, (k - 1 - i) * n, descending, i * n, n);
        }
        return descending;
    }

    private static void check(intW info, String step) {
        if (info.val != 0) {
            throw new ArithmeticException("LAPACK " + step + " failed with info = " + info.val);
        }
    }
}
