package org.sicube.transforms.noise;

/**
 * A variance–mean line with its uncertainties: {@code noise} (gain g in DN per count, read
 * variance σr² in DN²), their standard errors in the same units, the number of (mean, variance)
 * points behind it and the reduced χ² of the weighted fit (≈ 1 when the line describes the points
 * as well as their sampling errors allow).
 */
public record VarianceMeanFit(DetectorNoise noise, double gainError, double readVarianceError, int points,
        double reducedChiSquare) {
}
