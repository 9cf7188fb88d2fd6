package org.sicube.jobs.decompose;

import java.io.Serializable;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.transforms.anomaly.ComponentSupport;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The score pass of a decomposition, merged over blocks: the K score maps (binned for display)
 * and the participation ratio of each component's scores ({@link ComponentSupport}), which tells
 * a major phase from a rare one. Fixed size whatever the number of pixels.
 */
public final class ScoreSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BinnedMaps maps;
    private final ComponentSupport support;

    ScoreSummary(int ny, int nx, int components, double noiseVariance, int maxSide) {
        this.maps = new BinnedMaps(ny, nx, Math.max(1, components), maxSide);
        this.support = ComponentSupport.zero(components, noiseVariance);
    }

    ScoreSummary add(BlockNonZeros b, WeightedPcaModel model) {
        int k = model.components();
        if (k == 0) {
            return this;
        }
        double[] scores = new double[b.pixels() * k];
        double[] totals = model.scores(b.start(), b.channel(), b.value(), b.pixels(), scores);
        for (int n = 0; n < b.pixels(); n++) {
            maps.add(b.y0() + n / b.width(), b.x0() + n % b.width(), scores, n * k);
        }
        support.add(scores, totals, b.pixels());
        return this;
    }

    ScoreSummary merge(ScoreSummary o) {
        maps.merge(o.maps);
        support.merge(o.support);
        return this;
    }

    public BinnedMaps maps() {
        return maps;
    }

    public ComponentSupport support() {
        return support;
    }
}
