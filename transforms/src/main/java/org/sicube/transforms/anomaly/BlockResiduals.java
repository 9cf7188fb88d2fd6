package org.sicube.transforms.anomaly;

/**
 * The residual of a block of spectra against a fitted model ({@link Reconstruction}): the
 * reconstruction x̂_n of every pixel, summarised per pixel as Poisson deviance and weighted χ²
 * ({@link PoissonDeviance}); the per-channel residual x − x̂ is produced only on request, for the
 * few pixels that are flagged. Block layout as {@code PixelBlock}: pixel-major, energy fastest.
 * Pixels without counts have D = χ² = 0.
 *
 * <p>Low-count spectra are mostly zeros, so each sum is split: a dense part over all channels as if
 * x = 0 (D: 2 m, χ²: x̂²/m, with m = max(x̂, FLOOR); no logarithm, no division) and a correction
 * over the channels with counts (D: 2 [x ln(x/m) − x], χ²: (x² − 2 x x̂)/m); together they are the
 * terms of {@link PoissonDeviance} exactly. x̂ is made {@link #CHUNK} pixels at a time, so the
 * working set stays in cache.
 */
public final class BlockResiduals {
    /** Pixels reconstructed at once. */
    static final int CHUNK = 64;
    private static final double INVERSE_FLOOR = 1 / PoissonDeviance.FLOOR;

    private final Reconstruction model;
    private final float[] counts;
    private final int channels;
    private final double[] totals;
    private final double[] deviance;
    private final double[] chiSquare;

    public BlockResiduals(Reconstruction model, float[] counts, int pixels, int channels) {
        if (channels != model.channels() || counts.length != (long) pixels * channels) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels + " (" + counts.length
                    + " values) does not fit a model of " + model.channels() + " channels");
        }
        this.model = model;
        this.counts = counts;
        this.channels = channels;
        this.totals = new double[pixels];
        this.deviance = new double[pixels];
        this.chiSquare = new double[pixels];
        double[] expected = new double[Math.min(CHUNK, Math.max(1, pixels)) * channels];
        for (int start = 0; start < pixels; start += CHUNK) {
            int p = Math.min(CHUNK, pixels - start);
            float[] sub = p == pixels ? counts
                    : java.util.Arrays.copyOfRange(counts, start * channels, (start + p) * channels);
            model.reconstruct(sub, p, channels, expected);
            for (int i = 0; i < p; i++) {
                summarise(start + i, sub, i * channels, expected);
            }
        }
    }

    private void summarise(int n, float[] x, int from, double[] expected) {
        double dense = 0;
        double chiDense = 0;
        for (int e = from, end = from + channels; e < end; e++) {
            double xh = expected[e];
            dense += Math.max(xh, PoissonDeviance.FLOOR);
            chiDense += xh >= PoissonDeviance.FLOOR ? xh : xh * xh * INVERSE_FLOOR;
        }
        double a = 0;
        double d = 0;
        double chi = 0;
        for (int e = from, end = from + channels; e < end; e++) {
            float c = x[e];
            if (c != 0f) {
                double xh = expected[e];
                double m = Math.max(xh, PoissonDeviance.FLOOR);
                a += c;
                d += c * Math.log(c / m) - c;
                chi += (c * (double) c - 2 * c * xh) / m;
            }
        }
        totals[n] = a;
        if (a > 0) {
            deviance[n] = 2 * (dense + d);
            chiSquare[n] = chiDense + chi;
        }
    }

    /** Poisson deviance of each pixel, pixel-major. */
    public double[] deviance() {
        return deviance;
    }

    /** Weighted χ² of each pixel, pixel-major. */
    public double[] chiSquare() {
        return chiSquare;
    }

    /** Total counts of pixel n. */
    public double total(int n) {
        return totals[n];
    }

    /** The reconstruction x̂ of pixel n (E counts, unclamped; 0 for a pixel without counts). */
    public double[] reconstruction(int n) {
        double[] x = new double[channels];
        if (totals[n] > 0) {
            model.reconstruct(counts(n), 1, channels, x);
        }
        return x;
    }

    /** The residual x − x̂ of pixel n (E counts). */
    public float[] residual(int n) {
        double[] x = reconstruction(n);
        float[] r = new float[channels];
        for (int e = 0; e < channels; e++) {
            r[e] = (float) (counts[n * channels + e] - x[e]);
        }
        return r;
    }

    /** The raw counts of pixel n (a copy, E values). */
    public float[] counts(int n) {
        return java.util.Arrays.copyOfRange(counts, n * channels, (n + 1) * channels);
    }
}
