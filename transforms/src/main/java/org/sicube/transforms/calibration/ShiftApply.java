package org.sicube.transforms.calibration;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

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

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    /** Work row: the end channels' sums. */
    private final double[] moved;

    public ShiftApply(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("a spectrum needs at least one channel, got " + channels);
        }
        moved = new double[channels];
    }

    /**
     * Shifts {@code spectrum} in place by {@code shift} channels. Channel c takes the upper part
     * of channel c − o − 1 and the lower part of channel c − o (o = floor(shift)); only channels
     * near the ends take clamped content. Those are summed first, source by source as a scatter
     * would, then the interior is gathered in place, walking away from where its sources lie, so
     * that no source is overwritten before it is read. Every channel gets the same sums in the
     * same order as the plain scatter, so the result is the same to the last bit.
     */
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
        int last = n - 1;
        // Channels [lo, hi] take exactly one upper and one lower part, from inside the spectrum.
        int lo = Math.max(1, offset + 1);
        int hi = Math.min(last - 1, last + offset);
        if (lo > hi) {
            lo = n;
            hi = n - 1;
        }
        // Sources [0, a) and [b, n) are the ones that reach channels outside [lo, hi].
        int a = Math.min(n, Math.max(0, lo - offset));
        int b = Math.max(a, Math.min(n, hi - offset));
        java.util.Arrays.fill(moved, 0, lo, 0.0);
        java.util.Arrays.fill(moved, hi + 1, n, 0.0);
        scatterEnds(spectrum, f, offset, 0, a, lo, hi);
        scatterEnds(spectrum, f, offset, b, n, lo, hi);
        if (offset >= 0) {
            gatherDownwards(spectrum, f, offset, lo, hi);
        } else {
            gatherUpwards(spectrum, f, offset, lo, hi);
        }
        System.arraycopy(moved, 0, spectrum, 0, lo);
        System.arraycopy(moved, hi + 1, spectrum, hi + 1, n - hi - 1);
    }

    /** Sources [from, to) into the end channels of {@link #moved}: those outside [lo, hi]. */
    private void scatterEnds(double[] y, double f, int offset, int from, int to, int lo, int hi) {
        int last = moved.length - 1;
        for (int i = from; i < to; i++) {
            double upper = f * y[i];
            double lower = y[i] - upper;
            int j = Math.max(0, Math.min(last, i + offset));
            int k = Math.max(0, Math.min(last, i + offset + 1));
            if (j < lo || j > hi) {
                moved[j] += lower;
            }
            if (k < lo || k > hi) {
                moved[k] += upper;
            }
        }
    }

    /** Channels hi down to lo from sources at or below them (offset ≥ 0). */
    private static void gatherDownwards(double[] y, double f, int offset, int lo, int hi) {
        int c = hi + 1;
        for (int step = LANES.length(); c - step >= lo; ) {
            c -= step;
            DoubleVector below = DoubleVector.fromArray(LANES, y, c - offset - 1);
            DoubleVector at = DoubleVector.fromArray(LANES, y, c - offset);
            below.mul(f).add(at.sub(at.mul(f))).intoArray(y, c);
        }
        while (--c >= lo) {
            y[c] = f * y[c - offset - 1] + (y[c - offset] - f * y[c - offset]);
        }
    }

    /** Channels lo up to hi from sources above them (offset < 0). */
    private static void gatherUpwards(double[] y, double f, int offset, int lo, int hi) {
        int c = lo;
        for (int bound = lo + LANES.loopBound(hi + 1 - lo); c < bound; c += LANES.length()) {
            DoubleVector below = DoubleVector.fromArray(LANES, y, c - offset - 1);
            DoubleVector at = DoubleVector.fromArray(LANES, y, c - offset);
            below.mul(f).add(at.sub(at.mul(f))).intoArray(y, c);
        }
        for (; c <= hi; c++) {
            y[c] = f * y[c - offset - 1] + (y[c - offset] - f * y[c - offset]);
        }
    }
}
