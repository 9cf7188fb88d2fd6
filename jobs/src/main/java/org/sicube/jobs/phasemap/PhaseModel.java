package org.sicube.jobs.phasemap;

import java.io.Serializable;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.jobs.decompose.UnitScores;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * What labels a pixel: the decomposition (weighted scores s_n, K per pixel) and the P cluster
 * centres found by K-means on the unit-normalised score vectors s_n / |s_n|. A pixel's phase is its
 * nearest centre (Euclidean, ties to the lower index, as MLlib predicts); pixels without counts
 * (or with all scores 0) are {@link #UNASSIGNED}. Small (E × K + P × K doubles): shipped in closures.
 */
public final class PhaseModel implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Label byte of a pixel that has no phase. */
    public static final int UNASSIGNED = 255;

    private final WeightedPcaModel decomposition;
    private final double[][] centres;

    public PhaseModel(WeightedPcaModel decomposition, double[][] centres) {
        if (centres.length < 1 || centres.length >= UNASSIGNED) {
            throw new IllegalArgumentException("need 1 to " + (UNASSIGNED - 1) + " phases, got " + centres.length);
        }
        this.decomposition = decomposition;
        this.centres = centres;
    }

    public int phases() {
        return centres.length;
    }

    public WeightedPcaModel decomposition() {
        return decomposition;
    }

    /** The block's weighted scores and the phase label of each pixel, row-major, 0..P-1 or {@link #UNASSIGNED}. */
    public PhaseSummary.Labelled label(BlockNonZeros b) {
        int k = decomposition.components();
        double[] s = new double[b.pixels() * k];
        decomposition.scores(b.start(), b.channel(), b.value(), b.pixels(), s);
        return new PhaseSummary.Labelled(b, s, labels(UnitScores.unit(s.clone(), b.pixels(), k), b.pixels()));
    }

    /** Phase label of each of {@code pixels} unit score vectors (pixel-major, as {@link UnitScores#unit}). */
    int[] labels(double[] s, int pixels) {
        int k = decomposition.components();
        int[] labels = new int[pixels];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = Double.isNaN(s[n * k]) ? UNASSIGNED : Lloyd.nearest(s, n * k, centres);
        }
        return labels;
    }
}
