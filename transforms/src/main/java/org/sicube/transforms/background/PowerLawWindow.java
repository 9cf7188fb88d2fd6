package org.sicube.transforms.background;

import org.sicube.transforms.physics.EnergyGrid;

/**
 * A pre-edge fitting window snapped to whole channels: the channels whose centres lie in
 * {@code [fromEv, toEv)}, trimmed (by dropping the last one) to an even count so that it splits
 * into two equal halves. {@code e1Ev}, {@code e2Ev}, {@code e3Ev} are the lower edge, the boundary
 * between the halves and the upper edge of the snapped window in eV (channel {@code i} spans
 * {@code centre ± scale/2}); the first half is channels {@code [first, first + count/2)}.
 *
 * <p>Edge convention: HyperSpy's {@code PowerLaw.estimate_parameters} sums channels
 * {@code [i1, i3)} and {@code [i3, i2)} and uses the axis values at {@code i1, i3, i2} as
 * {@code E1, E2, E3}, i.e. it reads axis values as lower channel edges. sicube's axis values are
 * channel centres, so the same energies here are the centres minus half a channel: the true edges
 * of the summed channels, which makes the areas exact integrals over {@code [E1, E2]} and
 * {@code [E2, E3]}.
 */
public record PowerLawWindow(int firstChannel, int channelCount, double e1Ev, double e2Ev, double e3Ev) {

    private static final double SNAP_TOLERANCE = 1e-9;

    public PowerLawWindow {
        if (channelCount < 2 || channelCount % 2 != 0) {
            throw new IllegalArgumentException("a two-area window needs an even number (≥ 2) of channels, got "
                    + channelCount);
        }
        if (!(e1Ev > 0)) {
            throw new IllegalArgumentException("a power law needs a window above 0 eV, lower edge is " + e1Ev + " eV");
        }
    }

    /** Snaps {@code [fromEv, toEv)} to {@code grid}; rejects windows outside the grid or below 2 channels. */
    public static PowerLawWindow of(EnergyGrid grid, double fromEv, double toEv) {
        if (!(toEv > fromEv)) {
            throw new IllegalArgumentException("window [" + fromEv + ", " + toEv + ") eV is empty");
        }
        // A centre that rounding puts a hair past a boundary still counts as on it.
        int first = (int) Math.ceil(grid.channelOf(fromEv) - SNAP_TOLERANCE);
        int endExclusive = (int) Math.ceil(grid.channelOf(toEv) - SNAP_TOLERANCE);
        first = Math.max(first, 0);
        endExclusive = Math.min(endExclusive, grid.channels());
        int count = endExclusive - first;
        count -= count % 2;
        if (count < 2) {
            throw new IllegalArgumentException("window [" + fromEv + ", " + toEv + ") eV holds fewer than 2 channel"
                    + " centres of the grid " + grid);
        }
        double half = 0.5 * grid.scaleEv();
        return new PowerLawWindow(first, count,
                grid.energyEv(first) - half,
                grid.energyEv(first + count / 2) - half,
                grid.energyEv(first + count) - half);
    }

    /** One past the last channel of the window. */
    public int endChannel() {
        return firstChannel + channelCount;
    }
}
