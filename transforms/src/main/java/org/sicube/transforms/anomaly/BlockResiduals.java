package org.sicube.transforms.anomaly;

/**
 * The residual of a block of spectra against a fitted model ({@link Reconstruction}): the
 * reconstruction x̂_n of every pixel, summarised per pixel as Poisson deviance and weighted χ²
 * ({@link PoissonDeviance}); the per-channel residual x − x̂ is produced only on request, for the
 * few pixels that are flagged. Block layout as {@code PixelBlock}: pixel-major, energy fastest.
 * Pixels without counts have D = χ² = 0.
 */
public final class BlockResiduals {
    private final float[] counts;
    private final int channels;
    private final double[] expected;
    private final double[] totals;
    private final double[] deviance;
    private final double[] chiSquare;

    public BlockResiduals(Reconstruction model, float[] counts, int pixels, int channels) {
        if (channels != model.channels() || counts.length != (long) pixels * channels) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels + " (" + counts.length
                    + " values) does not fit a model of " + model.channels() + " channels");
        }
        this.counts = counts;
        this.channels = channels;
        this.expected = new double[Math.max(1, pixels * channels)];
        model.reconstruct(counts, pixels, channels, expected);
        this.totals = new double[pixels];
        this.deviance = new double[pixels];
        this.chiSquare = new double[pixels];
        for (int n = 0; n < pixels; n++) {
            double a = 0;
            double d = 0;
            double c = 0;
            for (int e = n * channels, end = e + channels; e < end; e++) {
                a += counts[e];
                d += PoissonDeviance.term(counts[e], expected[e]);
                c += PoissonDeviance.chiSquareTerm(counts[e], expected[e]);
            }
            totals[n] = a;
            if (a > 0) {
                deviance[n] = d;
                chiSquare[n] = c;
            }
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
            System.arraycopy(expected, n * channels, x, 0, channels);
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
