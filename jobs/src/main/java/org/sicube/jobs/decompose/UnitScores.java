package org.sicube.jobs.decompose;

import java.io.Serializable;
import java.util.Random;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The unit-normalised weighted score vectors of one block's pixels that can be normalised (pixels
 * without counts left out), packed pixel-major {@code n × K}, with the block's origin: the input of
 * the phase map's K-means (8·K bytes per pixel).
 */
public record UnitScores(int y0, int x0, int n, double[] points) implements Serializable {

    /** The unit score vectors of a block of compressed rows. */
    public static UnitScores of(BlockNonZeros b, WeightedPcaModel model) {
        return BlockScores.of(b, model).unit();
    }

    /** The unit score vectors of the block at (y0, x0) with weighted scores {@code scores} (pixel-major, K each; not modified). */
    static UnitScores of(int y0, int x0, double[] scores, int pixels, int k) {
        double[] s = unit(scores.clone(), pixels, k);
        double[] packed = new double[s.length];
        int n = 0;
        for (int i = 0; i < pixels; i++) {
            if (!Double.isNaN(s[i * k])) {
                System.arraycopy(s, i * k, packed, n * k, k);
                n++;
            }
        }
        return new UnitScores(y0, x0, n, java.util.Arrays.copyOf(packed, n * k));
    }

    /** Scales each pixel's K scores to unit length in place (NaN when all are 0); returns {@code s}. */
    public static double[] unit(double[] s, int pixels, int k) {
        for (int n = 0; n < pixels; n++) {
            double norm = 0;
            for (int c = n * k; c < (n + 1) * k; c++) {
                norm += s[c] * s[c];
            }
            norm = Math.sqrt(norm);
            for (int c = n * k; c < (n + 1) * k; c++) {
                s[c] = norm > 0 ? s[c] / norm : Double.NaN;
            }
        }
        return s;
    }

    /** Each point kept with probability {@code fraction}, drawn from a generator seeded by the block's origin. */
    public UnitScores sample(double fraction, long seed, int k) {
        Random random = new Random(seed * 1_000_003L + y0 * 65_537L + x0);
        double[] kept = new double[points.length];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < fraction) {
                System.arraycopy(points, i * k, kept, m * k, k);
                m++;
            }
        }
        return new UnitScores(y0, x0, m, java.util.Arrays.copyOf(kept, m * k));
    }
}
