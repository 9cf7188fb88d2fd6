package org.sicube.transforms.normalization;

/**
 * Divides each spectrum by its largest channel value within channels {@code [from, to)}, so that
 * peak reads 1. Assumption: the height of the strongest peak is the same in every spectrum (same
 * peak shape and resolution; the max of one channel carries its full Poisson noise, √N/N).
 */
public final class MaxPeakNormalization implements SpectrumNormalization {

    private final int from;
    private final int to;

    /** Searches channels {@code [from, to)} for the maximum. */
    public MaxPeakNormalization(int from, int to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("channel range [" + from + ", " + to + ") is empty");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public double apply(double[] spectrum) {
        if (to > spectrum.length) {
            throw new IllegalArgumentException("channel range [" + from + ", " + to + ") exceeds the spectrum's "
                    + spectrum.length + " channels");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, spectrum[i]);
        }
        return max > 0 ? Scaling.divide(spectrum, max) : Double.NaN;
    }
}
