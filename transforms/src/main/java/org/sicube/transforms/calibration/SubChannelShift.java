package org.sicube.transforms.calibration;

/**
 * Sub-channel shift of a spectrum against a reference by cross-correlation: for every integer lag
 * t in [−maxShift, maxShift], {@code c(t) = Σ_i (x_i − x̄)(ref_{i−t} − r̄)} over the channels where
 * both exist; the maximum is refined by the vertex of the parabola through c(t−1), c(t), c(t+1).
 * The result s means {@code x(i) ≈ ref(i − s)}: x is the reference moved s channels up, so
 * {@code ShiftApply.apply(x, −s)} aligns it. Cost O(n · maxShift), four lags per pass over the
 * channels; the centred reference is kept while the same values come back. Allocates nothing per call.
 */
public final class SubChannelShift {

    private final int channels;
    private final int maxShift;
    private final double[] correlation;
    /** The spectrum and the reference minus their means; the reference as last centred. */
    private final double[] x;
    private final double[] r;
    private final double[] referenceCopy;
    private final double[] acc = new double[4];
    private boolean centred;

    public SubChannelShift(int channels, int maxShift) {
        if (maxShift < 1 || maxShift > channels / 2) {
            throw new IllegalArgumentException("max shift must be in [1, channels/2], got " + maxShift + " for "
                    + channels + " channels");
        }
        this.channels = channels;
        this.maxShift = maxShift;
        correlation = new double[2 * maxShift + 1];
        x = new double[channels];
        r = new double[channels];
        referenceCopy = new double[channels];
    }

    /**
     * The shift of {@code spectrum} relative to {@code reference} in channels; when the maximum is
     * at ±maxShift (the true shift may lie beyond) that integer bound is returned unrefined.
     */
    public double estimate(double[] spectrum, double[] reference) {
        if (spectrum.length != channels || reference.length != channels) {
            throw new IllegalArgumentException("configured for " + channels + " channels, got "
                    + spectrum.length + " and " + reference.length);
        }
        centre(spectrum, x);
        if (!centred || !java.util.Arrays.equals(reference, referenceCopy)) {
            System.arraycopy(reference, 0, referenceCopy, 0, channels);
            centre(reference, r);
            centred = true;
        }
        for (int t = -maxShift; t <= maxShift; t += 4) {
            correlate(t, Math.min(maxShift, t + 3));
        }
        int best = 0;
        for (int t = -maxShift; t <= maxShift; t++) {
            if (correlation[t + maxShift] > correlation[best + maxShift]) {
                best = t;
            }
        }
        if (best == -maxShift || best == maxShift) {
            return best;
        }
        return best + parabolicVertex(correlation[best + maxShift - 1], correlation[best + maxShift],
                correlation[best + maxShift + 1]);
    }

    /** Offset in (−½, ½) of the vertex of the parabola through (−1, a), (0, b), (1, c); 0 if flat. */
    static double parabolicVertex(double a, double b, double c) {
        double curvature = a - 2 * b + c;
        return curvature < 0 ? 0.5 * (a - c) / curvature : 0.0;
    }

    /** c(t) for the lags t0 … t1 (at most 4): their common channels in one pass, the few others apart. */
    private void correlate(int t0, int t1) {
        int lo = Math.max(0, t1);
        int hi = Math.min(channels, channels + t0);
        java.util.Arrays.fill(acc, 0.0);
        if (t1 - t0 == 3) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int i = lo; i < hi; i++) {
                double v = x[i];
                a0 += v * r[i - t0];
                a1 += v * r[i - t0 - 1];
                a2 += v * r[i - t0 - 2];
                a3 += v * r[i - t0 - 3];
            }
            acc[0] = a0;
            acc[1] = a1;
            acc[2] = a2;
            acc[3] = a3;
        } else {
            for (int t = t0; t <= t1; t++) {
                for (int i = lo; i < hi; i++) {
                    acc[t - t0] += x[i] * r[i - t];
                }
            }
        }
        for (int t = t0; t <= t1; t++) {
            double c = acc[t - t0];
            for (int i = Math.max(0, t); i < lo; i++) {
                c += x[i] * r[i - t];
            }
            for (int i = hi; i < Math.min(channels, channels + t); i++) {
                c += x[i] * r[i - t];
            }
            correlation[t + maxShift] = c;
        }
    }

    /** {@code out = y − mean(y)}. */
    private static void centre(double[] y, double[] out) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        double mean = s / y.length;
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] - mean;
        }
    }
}
