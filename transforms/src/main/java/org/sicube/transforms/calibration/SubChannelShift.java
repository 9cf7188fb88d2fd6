package org.sicube.transforms.calibration;

/**
 * Sub-channel shift of a spectrum against a reference by cross-correlation: for every integer lag
 * t in [−maxShift, maxShift], {@code c(t) = Σ_i (x_i − x̄)(ref_{i−t} − r̄)} over the channels where
 * both exist; the maximum is refined by the vertex of the parabola through c(t−1), c(t), c(t+1).
 * The result s means {@code x(i) ≈ ref(i − s)}: x is the reference moved s channels up, so
 * {@code ShiftApply.apply(x, −s)} aligns it. Cost O(n · maxShift); allocates nothing per call.
 */
public final class SubChannelShift {

    private final int channels;
    private final int maxShift;
    private final double[] correlation;

    public SubChannelShift(int channels, int maxShift) {
        if (maxShift < 1 || maxShift > channels / 2) {
            throw new IllegalArgumentException("max shift must be in [1, channels/2], got " + maxShift + " for "
                    + channels + " channels");
        }
        this.channels = channels;
        this.maxShift = maxShift;
        correlation = new double[2 * maxShift + 1];
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
        double xMean = mean(spectrum);
        double rMean = mean(reference);
        int best = 0;
        for (int t = -maxShift; t <= maxShift; t++) {
            int from = Math.max(0, t);
            int to = Math.min(channels, channels + t);
            double c = 0;
            for (int i = from; i < to; i++) {
                c += (spectrum[i] - xMean) * (reference[i - t] - rMean);
            }
            correlation[t + maxShift] = c;
            if (c > correlation[best + maxShift]) {
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

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }
}
