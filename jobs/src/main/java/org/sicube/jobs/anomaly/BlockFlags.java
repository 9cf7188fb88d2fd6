package org.sicube.jobs.anomaly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.transforms.anomaly.BlockResiduals;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The second residual pass for one block: the flag of every pixel ({@code height × width} bytes,
 * row-major, 1 = D above the threshold) and, for the flagged pixels only, their spectra and
 * residuals.
 */
record BlockFlags(int y0, int x0, int height, int width, byte[] mask, List<FlaggedPixel> flagged)
        implements Serializable {

    static BlockFlags of(PixelBlock b, WeightedPcaModel model, DevianceThreshold threshold) {
        BlockResiduals r = new BlockResiduals(model, b.counts(), b.pixels(), b.channels());
        double[] d = r.deviance();
        byte[] mask = new byte[b.pixels()];
        List<FlaggedPixel> flagged = new ArrayList<>();
        for (int n = 0; n < b.pixels(); n++) {
            if (threshold.flags(d[n])) {
                mask[n] = 1;
                flagged.add(new FlaggedPixel(b.y0() + n / b.width(), b.x0() + n % b.width(), d[n],
                        r.chiSquare()[n], r.counts(n), r.residual(n)));
            }
        }
        return new BlockFlags(b.y0(), b.x0(), b.height(), b.width(), mask, flagged);
    }
}
