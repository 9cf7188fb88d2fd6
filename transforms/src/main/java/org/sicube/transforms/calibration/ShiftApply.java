package org.sicube.transforms.calibration;

/**
 * Moves a spectrum by a (sub-channel) shift in channels, conserving counts: the content of channel
 * i goes to position {@code i + shift} and is split linearly between the two channels around it,
 * {@code floor(i + shift)} getting {@code 1 − f} and the next one {@code f},
 * {@code f = frac(shift)}. Content pushed past either end is added to the end channel, so the total
 * is conserved exactly (up to rounding of the sum). A positive shift moves features to higher
 * channels (higher energy). The split is the adjoint of linear interpolation and smooths the
 * spectrum by at most a two-tap kernel. Spectra are {@code double[n]}; one instance per thread.
 */
public final class ShiftApply {

    private final double[] moved;

    public ShiftApply(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("a spectrum needs at least one channel, got " + channels);
        }
        moved = new double[channels];
    }

    /** Shifts {@code spectrum} in place by {@code shift} channels. */
    public void apply(double[] spectrum, double shift) {
        int n = moved.length;
        if (spectrum.length != n) {
            throw new IllegalArgumentException("configured for " + n + " channels, got " + spectrum.length);
        }
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift must be finite, got " + shift);
        }
        double whole = Math.floor(shift);
        double f = shift - whole;
        // Beyond ±n every channel lands on an end channel anyway.
        int offset = (int) Math.max(-n - 1, Math.min(n + 1, whole));
        java.util.Arrays.fill(moved, 0.0);
        int last = n - 1;
        for (int i = 0; i < n; i++) {
            double y = spectrum[i];
            double upper = f * y;
            double lower = y - upper;
            int j = i + offset;
            moved[Math.max(0, Math.min(last, j))] += lower;
            moved[Math.max(0, Math.min(last, j + 1))] += upper;
        }
        System.arraycopy(moved, 0, spectrum, 0, n);
    }
}
