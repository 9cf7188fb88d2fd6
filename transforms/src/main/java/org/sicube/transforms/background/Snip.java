package org.sicube.transforms.background;

/**
 * SNIP background (statistics-sensitive non-linear iterative peak clipping; Ryan et al. 1988, Nucl.
 * Instr. Meth. B 34, 396; Morháč et al. 1997): transform the counts by the LLS operator
 * {@code v = ln(ln(√(y+1) + 1) + 1)}, clip for window m = 1..M
 * {@code v_i ← min(v_i, (v_{i−m} + v_{i+m})/2)} (all i updated from the previous pass; channels
 * closer than m to an end keep their value), and transform back. Negative counts are clamped to 0
 * before the transform. M should be about the full width of the widest peak in channels.
 * Spectra are {@code double[channels]}; one instance per thread; per-spectrum calls allocate nothing.
 */
public final class Snip {

    private final int channels;
    private final int maxWindow;
    private final double[] v;
    private final double[] clipped;

    public Snip(int channels, int maxWindow) {
        if (channels < 3 || maxWindow < 1) {
            throw new IllegalArgumentException("SNIP needs ≥ 3 channels and a window ≥ 1, got " + channels + ", "
                    + maxWindow);
        }
        this.channels = channels;
        this.maxWindow = maxWindow;
        v = new double[channels];
        clipped = new double[channels];
    }

    /** Writes the SNIP background of {@code spectrum} into {@code background} (both length channels). */
    public void background(double[] spectrum, double[] background) {
        if (spectrum.length != channels || background.length != channels) {
            throw new IllegalArgumentException("SNIP configured for " + channels + " channels, got "
                    + spectrum.length + " and " + background.length);
        }
        for (int i = 0; i < channels; i++) {
            v[i] = Math.log(Math.log(Math.sqrt(Math.max(spectrum[i], 0.0) + 1.0) + 1.0) + 1.0);
        }
        int last = Math.min(maxWindow, (channels - 1) / 2);
        for (int m = 1; m <= last; m++) {
            for (int i = m; i < channels - m; i++) {
                clipped[i] = Math.min(v[i], 0.5 * (v[i - m] + v[i + m]));
            }
            System.arraycopy(clipped, m, v, m, channels - 2 * m);
        }
        for (int i = 0; i < channels; i++) {
            double s = Math.exp(Math.exp(v[i]) - 1.0) - 1.0;
            background[i] = s * s - 1.0;
        }
    }

    /** Subtracts the SNIP background from {@code spectrum} in place, using {@code work} for it. */
    public void subtract(double[] spectrum, double[] work) {
        background(spectrum, work);
        for (int i = 0; i < channels; i++) {
            spectrum[i] -= work[i];
        }
    }
}
