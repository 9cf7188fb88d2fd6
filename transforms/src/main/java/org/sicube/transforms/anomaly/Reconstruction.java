package org.sicube.transforms.anomaly;

import java.io.Serializable;

/**
 * A fitted model's expected counts x̂ for every pixel of a block: the input of the residual pass.
 * Layouts as {@code PixelBlock}: {@code block} and {@code out} are pixel-major with energy fastest
 * ({@code pixels × E} counts).
 */
public interface Reconstruction extends Serializable {

    /** Energy channels E of the model. */
    int channels();

    /** x̂ of every pixel of the block into {@code out} (counts; a pixel without counts gets 0). */
    void reconstruct(float[] block, int pixels, int channels, double[] out);

    /** One line saying what the model is (method, components kept). */
    String describe();
}
