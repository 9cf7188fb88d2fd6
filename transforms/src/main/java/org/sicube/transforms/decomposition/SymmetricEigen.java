package org.sicube.transforms.decomposition;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Eigenpairs of a real symmetric matrix through LAPACK {@code dsyevr} (Householder
 * tridiagonalisation, then relatively robust representations), largest first. Matrices are full
 * column-major {@code n × n}; only the upper triangle is read and the input is not modified.
 */
final class SymmetricEigen {

    private SymmetricEigen() {
    }

    /** All eigenvalues, descending. */
    static double[] values(double[] a, int n) {
        return solve(a, n, n, false).values;
    }

    /** The {@code k} largest eigenvalues, descending, and their unit eigenvectors ({@code n × k}, column-major). */
    static Pairs top(double[] a, int n, int k) {
        return solve(a, n, k, true);
    }

    /** Eigenvalues (descending) and eigenvectors (column i belongs to values[i]). */
    record Pairs(double[] values, double[] vectors) {
    }

    private static Pairs solve(double[] a, int n, int k, boolean vectors) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("asked for " + k + " eigenpairs of a " + n + " × " + n + " matrix");
        }
        if (k == 0 || n == 0) {
            return new Pairs(new double[0], new double[0]);
        }
        LAPACK lapack = LAPACK.getInstance();
        double[] work = a.clone();
        double[] w = new double[n];
        // dev.ludovic.netlib's argument checks want z of n·ldz values when jobz = N, and isuppz of 2n.
        double[] z = vectors ? new double[n * k] : new double[n];
        int ldz = vectors ? n : 1;
        int[] support = new int[2 * n];
        intW found = new intW(0);
        intW info = new intW(0);
        String jobz = vectors ? "V" : "N";
        String range = k == n ? "A" : "I";
        double[] lworkQuery = new double[1];
        int[] liworkQuery = new int[1];
        lapack.dsyevr(jobz, range, "U", n, work, n, 0, 0, n - k + 1, n, 0, found, w, z, ldz, support,
                lworkQuery, -1, liworkQuery, -1, info);
        check(info, "workspace query");
        double[] lwork = new double[(int) lworkQuery[0]];
        int[] liwork = new int[liworkQuery[0]];
        lapack.dsyevr(jobz, range, "U", n, work, n, 0, 0, n - k + 1, n, 0, found, w, z, ldz, support,
                lwork, lwork.length, liwork, liwork.length, info);
        check(info, "eigen-decomposition");
        if (found.val != k) {
            throw new ArithmeticException("dsyevr found " + found.val + " eigenvalues, expected " + k);
        }
        double[] values = new double[k];
        double[] vectorsDescending = vectors ? new double[n * k] : new double[0];
        for (int i = 0; i < k; i++) {
            int from = k - 1 - i;
            values[i] = w[from];
            if (vectors) {
                System.arraycopy(z, from * n, vectorsDescending, i * n, n);
            }
        }
        return new Pairs(values, vectorsDescending);
    }

    private static void check(intW info, String step) {
        if (info.val != 0) {
            throw new ArithmeticException("LAPACK dsyevr " + step + " failed with info = " + info.val);
        }
    }
}
