package org.sicube.transforms.anomaly;

import dev.ludovic.netlib.blas.BLAS;
import java.io.Serializable;

/**
 * A fitted model's expected counts x̂ for every pixel of a block, the input of the residual pass.
 * Both models are linear in a short per-pixel coefficient vector: x̂_n = C z_n with a fixed
 * {@code E × J} matrix C (PCA: the kept loadings and the mean, z the scaled scores; NMF: the
 * component spectra, z the abundances). Keeping the two factors apart lets the residual pass
 * compute z from the counts that are non-zero and x̂ a few pixels at a time, never a whole block.
 */
public interface Reconstruction extends Serializable {

    /** Energy channels E of the model. */
    int channels();

    /** Length J of each pixel's coefficient vector. */
    int terms();

    /** The {@code E × J} matrix C, column-major (shared: do not modify). */
    double[] columns();

    /**
     * z of every pixel into {@code z} ({@code pixels × J}) from its non-zero counts: pixel n holds
     * {@code value[i]} counts in channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]}.
     * A pixel without counts gets z = 0.
     */
    void coefficients(int pixels, int[] start, int[] channel, double[] value, double[] z);

    /** One line saying what the model is (method, components kept). */
    String describe();

    /**
     * x̂ of every pixel of a dense block ({@code pixels × E}, energy fastest) into {@code out}, same
     * layout; a pixel without counts gets 0.
     */
    default void reconstruct(float[] block, int pixels, int channels, double[] out) {
        if (channels != channels() || block.length != (long) pixels * channels || out.length < (long) pixels * channels) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels + " (" + block.length
                    + " values) and " + out.length + " outputs do not fit a model of " + channels() + " channels");
        }
        SparseRows rows = SparseRows.of(block, pixels, channels);
        int j = terms();
        double[] z = new double[Math.max(1, pixels * j)];
        coefficients(pixels, rows.start(), rows.channel(), rows.value(), z);
        if (pixels > 0) {
            BLAS.getInstance().dgemm("N", "N", channels, pixels, j, 1.0, columns(), channels, z, j, 0.0, out, channels);
        }
    }
}
