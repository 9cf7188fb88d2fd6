package org.sicube.transforms.normalization;

/**
 * A per-spectrum normalization applied in place to {@code double[channels]} counts. Each
 * implementation states the physical assumption under which it removes only nuisance variation.
 */
public interface SpectrumNormalization {

    /**
     * Normalizes {@code spectrum} in place and returns the divisor used (in the spectrum's units);
     * returns NaN and leaves the spectrum unchanged when the divisor is zero or not finite.
     */
    double apply(double[] spectrum);
}
