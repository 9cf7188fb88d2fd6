package org.sicube.transforms.decomposition;

import java.io.Serializable;
import java.util.Locale;

/**
 * The number of components K that carry signal, read off the noise bulk of the Poisson-weighted
 * Gram. For Poisson counts X_ne with mean λ_ne, Var(Xw_ne) = λ_ne / (a_n b_e), which is 1/T
 * (T = total counts) when the mean is rank one (λ_ne = a_n b_e / T). An N × E' matrix of
 * independent noise entries of variance σ² has Gram eigenvalues bounded, as N, E' grow, by the
 * Marchenko–Pastur edge λ₊ = σ²(√N + √E')² (Marchenko &amp; Pastur 1967). K is the number of
 * eigenvalues above {@code safety} × λ₊; σ² is the data's mean noise variance
 * {@link WeightedGram#noiseVariance()}. The uncentred Gram's first eigenpair (eigenvalue 1,
 * eigenvector ∝ √b) is the mean spectrum and counts as one component.
 *
 * @param components K
 * @param edge       safety × λ₊, the threshold the eigenvalues were compared with
 * @param report     one line stating the criterion and its numbers
 */
public record Truncation(int components, double edge, double noiseVariance, double safety, String report)
        implements Serializable {

    /**
     * Margin over λ₊: at finite size the largest noise eigenvalue fluctuates above the edge by
     * O(N^{-2/3}) (Tracy–Widom), a few per cent for N of a few thousand pixels.
     */
    public static final double DEFAULT_SAFETY = 1.05;

    /** Counts the eigenvalues (descending) of {@code gram} above {@code safety} × the Marchenko–Pastur edge. */
    public static Truncation marchenkoPastur(WeightedGram gram, double[] eigenvalues, double safety) {
        if (!(safety > 0)) {
            throw new IllegalArgumentException("safety factor must be positive, got " + safety);
        }
        long n = gram.pixels();
        int e = gram.channels() - gram.maskedChannels();
        double sigma2 = gram.noiseVariance();
        double bulk = sigma2 * Math.pow(Math.sqrt(n) + Math.sqrt(e), 2);
        double edge = safety * bulk;
        int k = 0;
        while (k < eigenvalues.length && eigenvalues[k] > edge) {
            k++;
        }
        String last = k > 0
                ? String.format(Locale.ROOT, "; the smallest kept, λ_%d = %.6g, is %.3f × the edge",
                        k, eigenvalues[k - 1], eigenvalues[k - 1] / edge)
                : "";
        String next = k < eigenvalues.length
                ? String.format(Locale.ROOT, "; the largest eigenvalue below it, λ_%d = %.6g, is %.3f × the edge",
                        k + 1, eigenvalues[k], eigenvalues[k] / edge)
                : "";
        String report = String.format(Locale.ROOT,
                "K = %d: eigenvalues of the Poisson-weighted Gram above %.6g = %.3g × the Marchenko–Pastur edge "
                        + "σ²(√N + √E')² = %.6g (σ² = %.6g mean noise variance of Xw, 1/T = %.6g; N = %d pixels, "
                        + "E' = %d channels)%s%s",
                k, edge, safety, bulk, sigma2, 1.0 / gram.totalCounts(), n, e, last, next);
        return new Truncation(k, edge, sigma2, safety, report);
    }
}
