package org.sicube.transforms.normalization;

import org.sicube.transforms.physics.EnergyGrid;

/**
 * Divides each spectrum by the counts of a reference peak (the channels whose centres lie in
 * {@code [fromEv, toEv)}), scaled so that the peak holds {@code targetCounts}. Assumption: the
 * reference is an internal standard whose true intensity is constant across the map (the ratio
 * method), and its background has been removed beforehand (the window sum includes whatever lies
 * under the peak).
 */
public final class ReferencePeakNormalization implements SpectrumNormalization {

    private final int first;
    private final int end;
    private final int channels;
    private final double targetCounts;

    public ReferencePeakNormalization(EnergyGrid grid, double fromEv, double toEv, double targetCounts) {
        if (!(targetCounts > 0)) {
            throw new IllegalArgumentException("target counts must be positive, got " + targetCounts);
        }
        first = Math.max(0, (int) Math.ceil(grid.channelOf(fromEv) - 1e-9));
        end = Math.min(grid.channels(), (int) Math.ceil(grid.channelOf(toEv) - 1e-9));
        if (end <= first) {
            throw new IllegalArgumentException("reference window [" + fromEv + ", " + toEv
                    + ") eV holds no channel centre of " + grid);
        }
        channels = grid.channels();
        this.targetCounts = targetCounts;
    }

    @Override
    public double apply(double[] spectrum) {
        if (spectrum.length != channels) {
            throw new IllegalArgumentException("spectrum has " + spectrum.length + " channels, grid has " + channels);
        }
        double peak = 0;
        for (int i = first; i < end; i++) {
            peak += spectrum[i];
        }
        return peak > 0 ? Scaling.divide(spectrum, peak / targetCounts) : Double.NaN;
    }
}
