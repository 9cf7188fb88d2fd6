package org.sicube.transforms.anomaly;

import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The residual of a block of spectra against a fitted {@link WeightedPcaModel}: the K-component
 * reconstruction x̂_n of every pixel (the model's scores, then {@code reconstruct}), summarised per
 * pixel as Poisson deviance and weighted χ² ({@link PoissonDeviance}); the per-channel residual
 * x − x̂ is produced only on request, for the few pixels that are flagged. Block layout as
 * {@code PixelBlock}: pixel-major, energy fastest. Pixels without counts have D = χ² = 0.
 */
public final class BlockResiduals {
    private final WeightedPcaModel model;
    private final float[] counts;
    private final int channels;
    private final double[] scores;
    private final double[] totals;
    private final double[] deviance;
    private final double[] chiSquare;

    public BlockResiduals(WeightedPcaModel model, float[] counts, int pixels, int channels) {
        this.model = model;
        this.counts = counts;
        this.channels = channels;
        int k = model.components();
        this.scores = new double[Math.max(1, pixels * k)];
        model.scores(counts, pixels, channels, scores);
        this.totals = new double[pixels];
        this.deviance = new double[pixels];
        this.chiSquare = new double[pixels];
        double[] expected = new double[channels];
        for (int n = 0; n < pixels; n++) {
            double a = 0;
            for (int e = n * channels, end = e + channels; e < end; e++) {
                a += counts[e];
            }
            totals[n] = a;
            if (a > 0) {
                model.reconstruct(scores, n * k, a, expected);
                deviance[n] = PoissonDeviance.deviance(counts, n * channels, expected);
                chiSquare[n] = PoissonDeviance.chiSquare(counts, n * channels, expected);
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

    /** The reconstruction x̂ of pixel n (E counts, unclamped). */
    public double[] reconstruction(int n) {
        double[] expected = new double[channels];
        if (totals[n] > 0) {
            model.reconstruct(scores, n * model.components(), totals[n], expected);
        }
        return expected;
    }

    /** The residual x − x̂ of pixel n (E counts). */
    public float[] residual(int n) {
        double[] expected = reconstruction(n);
        float[] r = new float[channels];
        for (int e = 0; e < channels; e++) {
            r[e] = (float) (counts[n * channels + e] - expected[e]);
        }
        return r;
    }

    /** The raw counts of pixel n (a copy, E values). */
    public float[] counts(int n) {
        return java.util.Arrays.copyOfRange(counts, n * channels, (n + 1) * channels);
    }
}
