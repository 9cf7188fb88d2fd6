package org.sicube.transforms.spatial;

import java.util.Arrays;

/**
 * Weighted means of a per-pixel field over each pixel's {@link SpatialKernel} neighbourhood, on a
 * tile padded by R pixels on every side: {@code padded} is (h + 2R) × (w + 2R) pixels of F values,
 * row-major, values fastest, with NaN where there is no pixel (outside the image). Pixels with a
 * non-finite value are left out and the weights renormalised over the rest, so the kernel is
 * clipped at the image border. The result depends only on the field, not on the tiling.
 */
public final class NeighbourhoodMean {
    private final SpatialKernel kernel;
    private final double[] weights;
    private final int features;

    public NeighbourhoodMean(SpatialKernel kernel, int features) {
        this.kernel = kernel;
        this.weights = kernel.weights();
        this.features = features;
    }

    /** An empty padded tile for an h × w block: all NaN. */
    public double[] paddedTile(int h, int w) {
        int r = kernel.radius();
        double[] t = new double[(h + 2 * r) * (w + 2 * r) * features];
        Arrays.fill(t, Double.NaN);
        return t;
    }

    /** The means for the h × w inner pixels of {@code padded}: h·w·F values (NaN where no neighbour is finite). */
    public double[] mean(double[] padded, int h, int w) {
        int r = kernel.radius();
        int pw = w + 2 * r;
        int side = kernel.side();
        double[] out = new double[h * w * features];
        double[] acc = new double[features];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Arrays.fill(acc, 0.0);
                double total = 0;
                for (int dy = 0; dy < side; dy++) {
                    for (int dx = 0; dx < side; dx++) {
                        int at = ((y + dy) * pw + x + dx) * features;
                        if (finite(padded, at)) {
                            double wt = weights[dy * side + dx];
                            for (int f = 0; f < features; f++) {
                                acc[f] += wt * padded[at + f];
                            }
                            total += wt;
                        }
                    }
                }
                for (int f = 0; f < features; f++) {
                    out[(y * w + x) * features + f] = total > 0 ? acc[f] / total : Double.NaN;
                }
            }
        }
        return out;
    }

    private boolean finite(double[] v, int at) {
        for (int f = 0; f < features; f++) {
            if (!Double.isFinite(v[at + f])) {
                return false;
            }
        }
        return true;
    }
}
