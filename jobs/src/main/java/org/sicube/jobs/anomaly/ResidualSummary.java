package org.sicube.jobs.anomaly;

import java.io.Serializable;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.transforms.anomaly.LogHistogram;

/**
 * The first residual pass, merged over all blocks: log histograms of the per-pixel Poisson
 * deviance D and weighted χ² (fixed size), and the display map of D keeping the largest value per
 * cell. Its size does not depend on the number of pixels.
 */
final class ResidualSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LogHistogram deviance = new LogHistogram();
    private final LogHistogram chiSquare = new LogHistogram();
    private final BinnedMaps map;

    ResidualSummary(int ny, int nx, int maxSide) {
        this.map = BinnedMaps.ofMax(ny, nx, 1, maxSide);
    }

    ResidualSummary add(BlockDeviance b) {
        float[] d = b.deviance();
        float[] c = b.chiSquare();
        for (int n = 0; n < d.length; n++) {
            deviance.add(d[n]);
            chiSquare.add(c[n]);
            map.add(b.y0() + n / b.width(), b.x0() + n % b.width(), d[n]);
        }
        return this;
    }

    ResidualSummary merge(ResidualSummary o) {
        deviance.merge(o.deviance);
        chiSquare.merge(o.chiSquare);
        map.merge(o.map);
        return this;
    }

    LogHistogram deviance() {
        return deviance;
    }

    LogHistogram chiSquare() {
        return chiSquare;
    }

    BinnedMaps map() {
        return map;
    }
}
