package org.sicube.transforms.spatial;

import java.io.Serializable;

/**
 * Weights of a spatial smoothing kernel over the (2R + 1) × (2R + 1) pixels around a pixel, R =
 * {@code radius} pixels: {@code box} (all 1, a plain mean) or {@code gaussian} (exp(−d²/2σ²),
 * σ = R/2, so the square reaches 2σ). Weights are laid out row-major, offset (dy, dx) at
 * {@code (dy + R)·(2R + 1) + dx + R}.
 */
public record SpatialKernel(int radius, boolean gaussian) implements Serializable {

    public SpatialKernel {
        if (radius < 1) {
            throw new IllegalArgumentException("a smoothing radius must be at least 1 pixel, got " + radius);
        }
    }

    /** Side of the square, 2R + 1 pixels. */
    public int side() {
        return 2 * radius + 1;
    }

    /** The weights, row-major over the square (not normalised; the mean divides by the weights used). */
    public double[] weights() {
        int s = side();
        double[] w = new double[s * s];
        double sigma = 0.5 * radius;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                w[(dy + radius) * s + dx + radius] = gaussian
                        ? Math.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma)) : 1.0;
            }
        }
        return w;
    }
}
