package org.sicube.transforms.transfer;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Piecewise direct standardization (Wang, Veltkamp & Kowalski, Anal. Chem. 63, 1991): from the
 * same standards measured on two instruments, each target channel j is fitted as a linear
 * function plus offset of the source channels j − w … j + w, by ridge-regularised least squares
 * over the standards (columns centred, so the offset is not penalised). Spectra are
 * {@code [standard][channel]}, on one energy axis.
 */
public final class PdsFit {
    private PdsFit() {
    }

    /**
     * Fits the banded map; {@code ridge} ≥ 0 is relative: the penalty is {@code ridge · trace(XᵀX)/m}
     * for a window of m channels, so it does not depend on the spectra's scale. With fewer than
     * {@code 2w + 2} standards a positive ridge is needed (the least-squares problem is then underdetermined).
     */
    public static BandedTransfer fit(double[][] source, double[][] target, int window, double ridge) {
        int k = Standards.check(source, target);
        if (window < 0 || !(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("need window ≥ 0 and ridge ≥ 0, got " + window + ", " + ridge);
        }
        int n = source[0].length;
        double[][] weights = new double[n][2 * window + 1];
        double[] offsets = new double[n];
        for (int j = 0; j < n; j++) {
            int lo = Math.max(0, j - window);
            int m = Math.min(n - 1, j + window) - lo + 1;
            if (ridge == 0 && k - 1 < m) {
                // Centred, k standards span at most k − 1 directions: m weights are not determined.
                throw singular(j, window);
            }
            double[] xMean = new double[m];
            double yMean = 0;
            for (int s = 0; s < k; s++) {
                for (int c = 0; c < m; c++) {
                    xMean[c] += source[s][lo + c] / k;
                }
                yMean += target[s][j] / k;
            }
            double[] a = new double[m * m];
            double[] b = new double[m];
            for (int s = 0; s < k; s++) {
                double y = target[s][j] - yMean;
                for (int r = 0; r < m; r++) {
                    double xr = source[s][lo + r] - xMean[r];
                    b[r] += xr * y;
                    for (int c = 0; c <= r; c++) {
                        a[c * m + r] += xr * (source[s][lo + c] - xMean[c]); // lower triangle, column-major
                    }
                }
            }
            double trace = 0;
            for (int r = 0; r < m; r++) {
                trace += a[r * m + r];
            }
            double offset = yMean;
            if (trace > 0) {
                for (int r = 0; r < m; r++) {
                    a[r * m + r] += ridge * trace / m;
                }
                solve(a, b, m, j, window);
                for (int c = 0; c < m; c++) {
                    weights[j][lo + c - j + window] = b[c];
                    offset -= b[c] * xMean[c];
                }
            }
            offsets[j] = offset;
        }
        return new BandedTransfer(window, weights, offsets);
    }

    /** Solves the symmetric positive-definite system in place (LAPACK dposv, lower triangle). */
    private static void solve(double[] a, double[] b, int m, int channel, int window) {
        intW info = new intW(0);
        LAPACK.getInstance().dposv("L", m, 1, a, m, b, m, info);
        if (info.val != 0) {
            throw singular(channel, window);
        }
    }

    private static IllegalArgumentException singular(int channel, int window) {
        return new IllegalArgumentException("target channel " + channel + ": the standards do not determine a "
                + "window of ±" + window + " channels (singular normal equations); add standards, narrow the "
                + "window or raise the ridge");
    }
}
