package org.sicube.jobs.decompose;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.transforms.anomaly.ComponentSupport;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The score pass of a decomposition, merged over blocks: the K score maps (binned for display)
 * and the participation ratio of each component's scores ({@link ComponentSupport}), which tells
 * a major phase from a rare one. Fixed size whatever the number of pixels, unless asked to keep
 * every pixel's unit score vector on the driver for the phase map's K-means (for images that fit
 * its sample; larger images keep their blocks' scores on the executors, {@link KeptUnitScores}).
 */
public final class ScoreSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BinnedMaps maps;
    private final ComponentSupport support;
    private final List<UnitScores> units;
    /** Set on the driver after the pass; never shipped to tasks. */
    private transient KeptUnitScores keptOnExecutors;

    ScoreSummary(int ny, int nx, int components, double noiseVariance, int maxSide, boolean keepUnitScores) {
        this.maps = new BinnedMaps(ny, nx, Math.max(1, components), maxSide);
        this.support = ComponentSupport.zero(components, noiseVariance);
        this.units = keepUnitScores ? new ArrayList<>() : null;
    }

    ScoreSummary add(BlockNonZeros b, WeightedPcaModel model) {
        return model.components() == 0 ? this : add(BlockScores.of(b, model));
    }

    ScoreSummary add(BlockScores b) {
        int k = b.components();
        for (int n = 0; n < b.pixels(); n++) {
            maps.add(b.y0() + n / b.width(), b.x0() + n % b.width(), b.scores(), n * k);
        }
        if (units != null) {
            units.add(b.unit());
        }
        support.add(b.scores(), b.totals(), b.pixels());
        return this;
    }

    ScoreSummary merge(ScoreSummary o) {
        maps.merge(o.maps);
        support.merge(o.support);
        if (units != null) {
            units.addAll(o.units);
        }
        return this;
    }

    public BinnedMaps maps() {
        return maps;
    }

    public ComponentSupport support() {
        return support;
    }

    /** Every pixel's unit score vector when the score pass kept them, else null. */
    public KeptUnitScores kept() {
        return units != null ? KeptUnitScores.onDriver(units) : keptOnExecutors;
    }

    /** Records the block scores the score pass kept on the executors. */
    ScoreSummary keptOnExecutors(KeptUnitScores kept) {
        this.keptOnExecutors = kept;
        return this;
    }
}
