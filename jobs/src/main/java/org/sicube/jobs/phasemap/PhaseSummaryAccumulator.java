package org.sicube.jobs.phasemap;

import org.apache.spark.util.AccumulatorV2;

/**
 * The {@link PhaseSummary} of the blocks the label writer labels, gathered while it writes them, so
 * that labelling every pixel takes one pass instead of two. Each task sums its blocks into one
 * summary (made on its first block: the copy Spark ships to every task is a few numbers) and the
 * driver merges those. Updated in the writing stage only, whose task results Spark counts once per
 * partition.
 */
final class PhaseSummaryAccumulator extends AccumulatorV2<PhaseSummary.Labelled, PhaseSummary> {
    private final int ny;
    private final int nx;
    private final int phases;
    private final int channels;
    private final int components;
    private final int maxSide;
    private PhaseSummary summary;

    PhaseSummaryAccumulator(int ny, int nx, int phases, int channels, int components, int maxSide) {
        this.ny = ny;
        this.nx = nx;
        this.phases = phases;
        this.channels = channels;
        this.components = components;
        this.maxSide = maxSide;
    }

    @Override
    public boolean isZero() {
        return summary == null;
    }

    @Override
    public PhaseSummaryAccumulator copy() {
        PhaseSummaryAccumulator c = new PhaseSummaryAccumulator(ny, nx, phases, channels, components, maxSide);
        c.merge(this);
        return c;
    }

    @Override
    public void reset() {
        summary = null;
    }

    @Override
    public void add(PhaseSummary.Labelled block) {
        summary().add(block);
    }

    @Override
    public void merge(AccumulatorV2<PhaseSummary.Labelled, PhaseSummary> other) {
        PhaseSummaryAccumulator o = (PhaseSummaryAccumulator) other;
        if (o.summary != null) {
            summary().merge(o.summary);
        }
    }

    /** The merged summary (empty when no block was labelled). */
    @Override
    public PhaseSummary value() {
        return summary();
    }

    private PhaseSummary summary() {
        if (summary == null) {
            summary = new PhaseSummary(ny, nx, phases, channels, components, maxSide);
        }
        return summary;
    }
}
