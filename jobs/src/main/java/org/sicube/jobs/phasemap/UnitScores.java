package org.sicube.jobs.phasemap;

import java.io.Serializable;
import java.util.Random;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The unit-normalised weighted score vectors of one block's pixels that can be normalised (pixels
 * without counts left out), packed pixel-major {@code n × K}, with the block's origin: the K-means
 * input, cached between passes (8·K bytes per pixel).
 */
record UnitScores(int y0, int x0, int n, double[] points) implements Serializable {

    static UnitScores of(BlockNonZeros b, WeightedPcaModel model) {
        int k = model.components();
        double[] s = PhaseModel.unitScores(model, b);
        double[] packed = new double[s.length];
        int n = 0;
        for (int i = 0; i < b.pixels(); i++) {
            if (!Double.isNaN(s[i * k])) {
                System.arraycopy(s, i * k, packed, n * k, k);
                n++;
            }
        }
        return new UnitScores(b.y0(), b.x0(), n, java.util.Arrays.copyOf(packed, n * k));
    }

    /** Each point kept with probability {@code fraction}, drawn from a generator seeded by the block's origin. */
    UnitScores sample(double fraction, long seed, int k) {
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
