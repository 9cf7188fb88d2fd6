package org.sicube.transforms.decomposition;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Locale;
import java.util.Random;
import org.netlib.util.intW;

/**
 * The driver side of the randomized Poisson-weighted PCA (Halko, Martinsson &amp; Tropp 2011):
 * subspace iteration with Rayleigh–Ritz on the weighted Gram G, which is never formed. Q (E' × L,
 * orthonormal) starts as the QR of a seeded Gaussian matrix; every pass over the data returns
 * Y = G·Q ({@link SketchAccumulator}), the Ritz pairs of span(Q) come from B = QᵀY (L × L), and Q
 * becomes the QR of Y (one power iteration). It stops when the watched Ritz values (which only
 * grow towards the eigenvalues) change by less than {@link #TOLERANCE} relative, or after the
 * allowed passes. Everything here is E' × L: nothing grows with the number of pixels.
 */
public final class RandomizedPca {

    /** Relative change of the watched Ritz values between passes at which the iteration stops. */
    public static final double TOLERANCE = 1e-7;
    /** Sketch rank when the truncation must choose K: generous next to the handful of phases expected. */
    public static final int AUTOMATIC_RANK = 50;
    public static final int DEFAULT_OVERSAMPLING = 10;
    public static final int DEFAULT_PASSES = 30;
    public static final long SEED = 1;

    private final WeightedGram statistics;
    private final int[] kept;
    private final double[] rootTotals;
    private final int components;
    private final int rank;
    private final int maxPasses;
    private final int oversampling;
    private double[] q;
    private double[] ritzValues;
    private double[] ritzVectors;
    private double lastChange = Double.NaN;
    private int passes;

    /**
     * Starts the iteration for {@code components} (&lt; 0: the truncation chooses, sketching
     * {@link #AUTOMATIC_RANK}) plus {@code oversampling} directions, at most {@code maxPasses} passes.
     */
    public RandomizedPca(WeightedGram statistics, int components, int oversampling, int maxPasses, long seed) {
        if (oversampling < 0 || maxPasses < 1) {
            throw new IllegalArgumentException("oversampling must be ≥ 0 and passes ≥ 1, got " + oversampling
                    + " and " + maxPasses);
        }
        this.statistics = statistics;
        this.kept = statistics.keptChannels();
        this.components = components;
        this.maxPasses = maxPasses;
        this.oversampling = oversampling;
        int e = kept.length;
        this.rank = Math.max(1, Math.min(e, (components < 0 ? AUTOMATIC_RANK : components) + oversampling));
        this.rootTotals = new double[e];
        double[] b = statistics.channelTotals();
        for (int i = 0; i < e; i++) {
            rootTotals[i] = Math.sqrt(b[kept[i]]);
        }
        Random random = new Random(seed);
        double[] omega = new double[e * rank];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = random.nextGaussian();
        }
        this.q = orthonormal(omega, e, rank);
    }

    /** L: the number of directions sketched (and of eigenvalues computed). */
    public int rank() {
        return rank;
    }

    /** The empty accumulator of the next pass: probe P = D_b^{-1/2}·Q over all E channels, row-major. */
    public SketchAccumulator nextPass() {
        int channels = statistics.channels();
        double[] probe = new double[channels * rank];
        for (int i = 0; i < kept.length; i++) {
            for (int l = 0; l < rank; l++) {
                probe[kept[i] * rank + l] = q[l * kept.length + i] / rootTotals[i];
            }
        }
        return new SketchAccumulator(probe, channels, rank);
    }

    /** Takes a pass's result; true when the iteration is done (converged or out of passes). */
    public boolean update(SketchAccumulator pass) {
        int e = kept.length;
        double[] product = pass.product();
        double[] mean = statistics.mean();
        double[] meanQ = new double[rank];
        for (int l = 0; l < rank; l++) {
            for (int i = 0; i < e; i++) {
                meanQ[l] += mean[i] * q[l * e + i];
            }
        }
        double[] y = new double[e * rank];
        long n = statistics.pixels();
        for (int l = 0; l < rank; l++) {
            for (int i = 0; i < e; i++) {
                y[l * e + i] = product[kept[i] * rank + l] / rootTotals[i] - n * mean[i] * meanQ[l];
            }
        }
        BLAS blas = BLAS.getInstance();
        double[] b = new double[rank * rank];
        blas.dgemm("T", "N", rank, rank, e, 1.0, q, e, y, e, 0.0, b, rank);
        for (int i = 0; i < rank; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (b[i + j * rank] + b[j + i * rank]);
                b[i + j * rank] = v;
                b[j + i * rank] = v;
            }
        }
        SymmetricEigen.Tridiagonal t = SymmetricEigen.tridiagonal(b, rank);
        double[] values = t.values();
        double[] vectors = new double[e * rank];
        blas.dgemm("N", "N", e, rank, rank, 1.0, q, e, t.leadingVectors(rank), rank, 0.0, vectors, e);
        lastChange = ritzValues == null ? Double.POSITIVE_INFINITY : change(ritzValues, values, watched(values));
        ritzValues = values;
        ritzVectors = vectors;
        q = orthonormal(y, e, rank);
        passes++;
        return lastChange < TOLERANCE || passes >= maxPasses;
    }

    /**
     * The Ritz values checked for convergence: K (given or by the truncation) plus the first rejected,
     * at least 5, but not the oversampled tail (slow to converge by design, it only speeds up the rest).
     */
    private int watched(double[] values) {
        int k = components >= 0 ? components
                : Truncation.marchenkoPastur(statistics, values, Truncation.DEFAULT_SAFETY).components() + 1;
        return Math.min(Math.max(1, rank - oversampling), Math.max(5, k));
    }

    private static double change(double[] before, double[] after, int count) {
        double worst = 0;
        for (int i = 0; i < count; i++) {
            double scale = Math.abs(after[i]);
            worst = Math.max(worst, scale > 0 ? Math.abs(after[i] - before[i]) / scale : Math.abs(before[i]));
        }
        return worst;
    }

    /** Passes over the data made so far (after the statistics pass). */
    public int passes() {
        return passes;
    }

    /**
     * The model from the last Ritz pairs: K = {@code components} or the Marchenko–Pastur count among
     * the L Ritz values (the noise level and edge need only the channel sums, not the spectrum).
     */
    public WeightedPcaModel model(double safety) {
        if (ritzValues == null) {
            throw new IllegalStateException("no pass was made");
        }
        Truncation mp = Truncation.marchenkoPastur(statistics, ritzValues, safety);
        String note = String.format(Locale.ROOT, " [randomized: %d leading eigenvalues by subspace iteration, %d "
                + "passes, last relative change %.2g%s]", rank, passes, lastChange,
                mp.components() >= rank ? "; every computed eigenvalue is above the edge, so K is capped at the "
                        + "sketch rank: give --components or use --method exact" : "");
        Truncation truncation = new Truncation(mp.components(), mp.edge(), mp.noiseVariance(), mp.safety(),
                mp.report() + note);
        int k = components < 0 ? truncation.components() : Math.min(components, rank);
        double[] v = java.util.Arrays.copyOf(ritzVectors, kept.length * k);
        WeightedPca.orient(v, kept.length, k);
        return new WeightedPcaModel(statistics, ritzValues, v, k, truncation);
    }

    /** The Q of a thin Householder QR of the column-major {@code rows × cols} matrix a (rows ≥ cols). */
    static double[] orthonormal(double[] a, int rows, int cols) {
        double[] q = a.clone();
        double[] tau = new double[cols];
        LAPACK lapack = LAPACK.getInstance();
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dgeqrf(rows, cols, q, rows, tau, query, -1, info);
        int lwork = Math.max(cols, (int) query[0]);
        lapack.dgeqrf(rows, cols, q, rows, tau, new double[lwork], lwork, info);
        if (info.val != 0) {
            throw new ArithmeticException("LAPACK dgeqrf failed with info = " + info.val);
        }
        lapack.dorgqr(rows, cols, cols, q, rows, tau, query, -1, info);
        lwork = Math.max(cols, (int) query[0]);
        lapack.dorgqr(rows, cols, cols, q, rows, tau, new double[lwork], lwork, info);
        if (info.val != 0) {
            throw new ArithmeticException("LAPACK dorgqr failed with info = " + info.val);
        }
        return q;
    }
}
