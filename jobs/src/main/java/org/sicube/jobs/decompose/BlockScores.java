package org.sicube.jobs.decompose;

import java.io.Serializable;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * One block's weighted scores (pixel-major, K per pixel) and pixel totals, with its place in the
 * image: what the score pass computes from a block, and what the phase map's K-means needs of it.
 */
public record BlockScores(int y0, int x0, int width, int pixels, int components, double[] scores, double[] totals)
        implements Serializable {

    /** The scores of a block of compressed rows. */
    public static BlockScores of(BlockNonZeros b, WeightedPcaModel model) {
        int k = model.components();
        double[] scores = new double[b.pixels() * k];
        double[] totals = model.scores(b.start(), b.channel(), b.value(), b.pixels(), scores);
        return new BlockScores(b.y0(), b.x0(), b.width(), b.pixels(), k, scores, totals);
    }

    /** The unit score vectors of the pixels with counts. */
    public UnitScores unit() {
        return UnitScores.of(y0, x0, scores, pixels, components);
    }
}
