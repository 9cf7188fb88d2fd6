package org.sicube.jobs.anomaly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.transforms.anomaly.BlockResiduals;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.anomaly.Reconstruction;

/**
 * The residual pass over one block, kept (8 bytes per pixel) between the histogram, the mask and
 * the choice of blocks to revisit: Poisson deviance and weighted χ² of every pixel
 * ({@code height × width}, row-major, float). A pixel is flagged when its float D exceeds the
 * threshold, the same comparison wherever it is made, so mask and regions agree.
 */
record BlockDeviance(int y0, int x0, int height, int width, float[] deviance, float[] chiSquare)
        implements Serializable {

    static BlockDeviance of(PixelBlock b, Reconstruction model) {
        BlockResiduals r = new BlockResiduals(model, b.counts(), b.pixels(), b.channels());
        return new BlockDeviance(b.y0(), b.x0(), b.height(), b.width(), floats(r.deviance()), floats(r.chiSquare()));
    }

    static boolean flags(DevianceThreshold t, double deviance) {
        return t.flags((float) deviance);
    }

    /** The flag of every pixel (1 = flagged), row-major. */
    byte[] mask(DevianceThreshold t) {
        byte[] m = new byte[deviance.length];
        for (int n = 0; n < m.length; n++) {
            m[n] = (byte) (flags(t, deviance[n]) ? 1 : 0);
        }
        return m;
    }

    long flagged(DevianceThreshold t) {
        long k = 0;
        for (float d : deviance) {
            k += flags(t, d) ? 1 : 0;
        }
        return k;
    }

    /** The flagged pixels of a block read again: position, statistics, counts and residual. */
    static List<FlaggedPixel> flaggedPixels(PixelBlock b, Reconstruction model, DevianceThreshold t) {
        BlockResiduals r = new BlockResiduals(model, b.counts(), b.pixels(), b.channels());
        List<FlaggedPixel> out = new ArrayList<>();
        for (int n = 0; n < b.pixels(); n++) {
            if (flags(t, r.deviance()[n])) {
                out.add(new FlaggedPixel(b.y0() + n / b.width(), b.x0() + n % b.width(), (float) r.deviance()[n],
                        r.chiSquare()[n], r.counts(n), r.residual(n)));
            }
        }
        return out;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
