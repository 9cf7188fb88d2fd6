package org.sicube.transforms.decomposition.nmf;

/**
 * The S half of an ALS iteration, on the driver from the pass's normal equations: for each
 * channel e, s_e = argmin over s ≥ 0 of ½ sᵀ(CᵀWC)s − sᵀ(XᵀWC)_e — exact NNLS ({@link Nnls}),
 * E independent K × K problems. Fixed components keep their values: their contribution is moved
 * to the right-hand side and only the free ones are solved. Without closure the scale of each
 * free spectrum is arbitrary (C absorbs it), so each is normalised to unit sum and abundances come
 * out in counts; with closure the scale is set by Σ c = 1 and is kept. A spectrum that the update
 * drives to zero stays zero (its abundances then vanish).
 */
public final class SpectraUpdate {

    private SpectraUpdate() {
    }

    public static NmfModel apply(NmfModel model, NmfSums sums) {
        int k = model.components();
        int channels = model.channels();
        double[] a = sums.cc();
        double[] b = sums.xc();
        double[] s = model.spectra();
        int[] free = new int[k];
        int m = 0;
        for (int j = 0; j < k; j++) {
            if (!model.fixed(j)) {
                free[m++] = j;
            }
        }
        if (m == 0) {
            return model;
        }
        double[] g = new double[m * m];
        for (int r = 0; r < m; r++) {
            for (int q = 0; q < m; q++) {
                g[r * m + q] = a[free[r] * k + free[q]];
            }
        }
        Nnls solver = new Nnls(m);
        double[] h = new double[m];
        double[] solution = new double[m];
        for (int e = 0; e < channels; e++) {
            int row = e * k;
            for (int r = 0; r < m; r++) {
                double v = b[row + free[r]];
                for (int j = 0; j < k; j++) {
                    if (model.fixed(j)) {
                        v -= a[free[r] * k + j] * s[row + j];
                    }
                }
                h[r] = v;
            }
            solver.solve(g, h, m, false, solution, 0);
            for (int r = 0; r < m; r++) {
                s[row + free[r]] = solution[r];
            }
        }
        if (!model.closure()) {
            for (int r = 0; r < m; r++) {
                normalise(s, channels, k, free[r]);
            }
        }
        return model.withSpectra(s);
    }

    /** Scales column j of the channel-major {@code E × K} array to unit sum (left alone if zero). */
    static void normalise(double[] s, int channels, int k, int j) {
        double sum = 0;
        for (int e = 0; e < channels; e++) {
            sum += s[e * k + j];
        }
        if (sum > 0) {
            for (int e = 0; e < channels; e++) {
                s[e * k + j] /= sum;
            }
        }
    }
}
