package org.sicube.transforms.decomposition;

/**
 * Test reference: the weighted Gram formed element by element from the definition (masks, a_n,
 * b_e, Xw_ne = X_ne / √(a_n b_e)) and eigen-decomposed by cyclic Jacobi rotations.
 */
public final class NaiveWeightedPca {

    final int[] kept;
    final double[][] xw;
    final double[][] gram;

    /** {@code x[n][e]} counts; masks pixels and channels without counts; centres on request. */
    NaiveWeightedPca(double[][] x, boolean centre) {
        int rows = x.length;
        int cols = x[0].length;
        double[] a = new double[rows];
        double[] b = new double[cols];
        for (int n = 0; n < rows; n++) {
            for (int e = 0; e < cols; e++) {
                a[n] += x[n][e];
                b[e] += x[n][e];
            }
        }
        kept = java.util.stream.IntStream.range(0, cols).filter(e -> b[e] > 0).toArray();
        int[] pixels = java.util.stream.IntStream.range(0, rows).filter(n -> a[n] > 0).toArray();
        xw = new double[pixels.length][kept.length];
        for (int i = 0; i < pixels.length; i++) {
            for (int j = 0; j < kept.length; j++) {
                int n = pixels[i];
                int e = kept[j];
                xw[i][j] = x[n][e] / Math.sqrt(a[n] * b[e]);
            }
        }
        if (centre) {
            for (int j = 0; j < kept.length; j++) {
                double mu = 0;
                for (double[] row : xw) {
                    mu += row[j];
                }
                mu /= xw.length;
                for (double[] row : xw) {
                    row[j] -= mu;
                }
            }
        }
        gram = new double[kept.length][kept.length];
        for (double[] row : xw) {
            for (int i = 0; i < kept.length; i++) {
                for (int j = 0; j < kept.length; j++) {
                    gram[i][j] += row[i] * row[j];
                }
            }
        }
    }

    double trace() {
        double t = 0;
        for (int i = 0; i < gram.length; i++) {
            t += gram[i][i];
        }
        return t;
    }

    /** Eigenvalues (descending) of a symmetric matrix by cyclic Jacobi; vectors into {@code v[i][k]} if non-null. */
    static double[] jacobi(double[][] s, double[][] v) {
        int n = s.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = s[i].clone();
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    off += a[p][r] * a[p][r];
                }
            }
            if (off < 1e-36) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    if (a[p][r] == 0) {
                        continue;
                    }
                    double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double sn = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akr = a[k][r];
                        a[k][p] = c * akp - sn * akr;
                        a[k][r] = sn * akp + c * akr;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double ark = a[r][k];
                        a[p][k] = c * apk - sn * ark;
                        a[r][k] = sn * apk + c * ark;
                    }
                    for (int k = 0; k < n; k++) {
                        double qkp = q[k][p];
                        double qkr = q[k][r];
                        q[k][p] = c * qkp - sn * qkr;
                        q[k][r] = sn * qkp + c * qkr;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[order[i]][order[i]];
            if (v != null) {
                for (int k = 0; k < n; k++) {
                    v[k][i] = q[k][order[i]];
                }
            }
        }
        return values;
    }

    /** Flattens {@code x[n][e]} into a pixel-major float block. */
    static float[] block(double[][] x) {
        int cols = x[0].length;
        float[] f = new float[x.length * cols];
        for (int n = 0; n < x.length; n++) {
            for (int e = 0; e < cols; e++) {
                f[n * cols + e] = (float) x[n][e];
            }
        }
        return f;
    }

    /** Small Poisson counts with an empty channel, an empty pixel and some structure. */
    static double[][] smallCounts(int rows, int cols, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        double[][] x = new double[rows][cols];
        for (int n = 0; n < rows; n++) {
            for (int e = 0; e < cols; e++) {
                double lambda = 0.3 + 2.0 * Math.abs(Math.sin(0.7 * e + 0.3 * n)) + (e % 5 == 0 ? 4 : 0);
                x[n][e] = poisson(rng, lambda);
            }
        }
        for (int n = 0; n < rows; n++) {
            x[n][3] = 0;
        }
        java.util.Arrays.fill(x[rows / 2], 0);
        return x;
    }

    /** A Poisson draw of mean {@code lambda} (Knuth's product of uniforms; for small means). */
    public static int poisson(java.util.Random rng, double lambda) {
        double l = Math.exp(-lambda);
        double p = rng.nextDouble();
        int k = 0;
        while (p > l) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
