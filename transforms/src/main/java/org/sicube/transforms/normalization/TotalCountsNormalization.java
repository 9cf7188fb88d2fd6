package org.sicube.transforms.normalization;

/**
 * Scales each spectrum to a fixed total ({@code targetTotal} counts, e.g. 1 or the dataset's mean
 * total). Assumption: all spectrum-to-spectrum intensity variation is dose or thickness, not
 * composition. It couples channels and breaks the Poisson variance model, so Poisson-aware steps
 * (weighting, deviance) must come first.
 */
public final class TotalCountsNormalization implements SpectrumNormalization {

    private final double targetTotal;

    public TotalCountsNormalization(double targetTotal) {
        if (!(targetTotal > 0) || !Double.isFinite(targetTotal)) {
            throw new IllegalArgumentException("target total must be positive, got " + targetTotal);
        }
        this.targetTotal = targetTotal;
    }

    @Override
    public double apply(double[] spectrum) {
        double total = 0;
        for (double v : spectrum) {
            total += v;
        }
        return Scaling.divide(spectrum, total / targetTotal);
    }
}
