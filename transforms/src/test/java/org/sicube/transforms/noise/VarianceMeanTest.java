package org.sicube.transforms.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sicube.transforms.synthetic.PixelRandom;
import org.sicube.transforms.synthetic.PoissonSampler;

class VarianceMeanTest {

    static final double GAIN = 2.5;
    static final double READ_VARIANCE = 40.0;

    /** Exact (mean, variance) points on the line give it back to rounding. */
    @Test
    void fitOfExactPointsIsExact() {
        double[] m = {10, 100, 1000};
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            v[i] = GAIN * m[i] + READ_VARIANCE;
        }
        DetectorNoise noise = VarianceMean.fit(m, v, new long[] {50, 50, 50});
        assertEquals(GAIN, noise.gain(), 1e-12);
        assertEquals(READ_VARIANCE, noise.readVariance(), 1e-9);
    }

    /**
     * A flat region of 48 × 48 pixels, 300 channels with λ from 1 to 300 (constant over pixels),
     * x = g·Poisson(λ) + N(0, σr²), seed fixed: g and σr² within 3 % (the variance of each bin is
     * measured to ≈ 1 %, and ~40 bins fix the line far better; 3 % leaves room for binning effects).
     * Two tiles merged must equal one.
     */
    @Test
    void recoversGainAndReadNoise() {
        int h = 48;
        int w = 48;
        int channels = 300;
        float[] top = new float[h / 2 * w * channels];
        float[] bottom = new float[h / 2 * w * channels];
        PixelRandom rng = new PixelRandom(PixelRandom.pixelKey(2024, 7, 0, 0));
        double sigma = Math.sqrt(READ_VARIANCE);
        for (int p = 0; p < h * w; p++) {
            float[] target = p < h / 2 * w ? top : bottom;
            int base = (p % (h / 2 * w)) * channels;
            for (int e = 0; e < channels; e++) {
                double lambda = 1.0 + e;
                target[base + e] = (float) (GAIN * PoissonSampler.sample(rng, lambda) + sigma * rng.nextGaussian());
            }
        }
        NeighbourDifferences whole = new NeighbourDifferences(0, GAIN * 300, 50);
        NeighbourDifferences part = new NeighbourDifferences(0, GAIN * 300, 50);
        whole.add(top, h / 2, w, channels).add(bottom, h / 2, w, channels);
        part.add(top, h / 2, w, channels).merge(new NeighbourDifferences(0, GAIN * 300, 50)
                .add(bottom, h / 2, w, channels));
        DetectorNoise noise = VarianceMean.fit(whole, 100);
        System.out.println("variance–mean fit: " + noise);
        assertEquals(GAIN, noise.gain(), 0.03 * GAIN);
        assertEquals(READ_VARIANCE, noise.readVariance(), 0.03 * READ_VARIANCE);
        DetectorNoise merged = VarianceMean.fit(part, 100);
        assertEquals(noise.gain(), merged.gain(), 1e-9);
        assertEquals(noise.readVariance(), merged.readVariance(), 1e-6);
    }

    /**
     * The reported standard errors describe the scatter: over 30 independent 16 × 16 × 120 flat
     * regions (λ 1 … 120), the spread of the estimates matches the mean reported error within
     * a factor 1.6 (30 samples estimate a standard deviation to ≈ 13 %; the rest is the Gaussian
     * approximation of the weights at low counts).
     */
    @Test
    void standardErrorsMatchTheScatterOfRepeatedEstimates() {
        int runs = 30;
        double[] gains = new double[runs];
        double[] reads = new double[runs];
        double gainErr = 0;
        double readErr = 0;
        for (int r = 0; r < runs; r++) {
            float[] block = flatRegion(16, 16, 120, r);
            VarianceMeanFit f = VarianceMean.fitWithErrors(
                    new NeighbourDifferences(-20, GAIN * 130, 40).add(block, 16, 16, 120), 20);
            gains[r] = f.noise().gain();
            reads[r] = f.noise().readVariance();
            gainErr += f.gainError() / runs;
            readErr += f.readVarianceError() / runs;
        }
        double sg = std(gains);
        double sr = std(reads);
        System.out.printf("gain: scatter %.4f, reported %.4f; read variance: scatter %.3f, reported %.3f%n", sg,
                gainErr, sr, readErr);
        assertEquals(1, sg / gainErr, 0.6);
        assertEquals(1, sr / readErr, 0.6);
    }

    /** Two frames of a scene with sharp structure: frame differences ignore the structure. */
    @Test
    void frameDifferencesIgnoreSpatialStructure() {
        int pixels = 40 * 40;
        int channels = 100;
        float[] a = new float[pixels * channels];
        float[] b = new float[pixels * channels];
        PixelRandom rng = new PixelRandom(PixelRandom.pixelKey(99, 1, 0, 0));
        double sigma = Math.sqrt(READ_VARIANCE);
        for (int p = 0; p < pixels; p++) {
            double level = (p % 2 == 0) ? 1 : 5; // a checkerboard in x: neighbours differ by 5×
            for (int e = 0; e < channels; e++) {
                double lambda = level * (1 + e);
                a[p * channels + e] = (float) (GAIN * PoissonSampler.sample(rng, lambda) + sigma * rng.nextGaussian());
                b[p * channels + e] = (float) (GAIN * PoissonSampler.sample(rng, lambda) + sigma * rng.nextGaussian());
            }
        }
        VarianceMeanFit f = VarianceMean.fitWithErrors(new NeighbourDifferences(-20, GAIN * 500, 50).addFrames(a, b), 50);
        assertEquals(GAIN, f.noise().gain(), 0.03 * GAIN);
        assertEquals(READ_VARIANCE, f.noise().readVariance(), 0.1 * READ_VARIANCE);
        assertEquals(GAIN, f.noise().gain(), 4 * f.gainError());
    }

    private static float[] flatRegion(int h, int w, int channels, int seed) {
        float[] block = new float[h * w * channels];
        PixelRandom rng = new PixelRandom(PixelRandom.pixelKey(31, seed, 0, 0));
        double sigma = Math.sqrt(READ_VARIANCE);
        for (int p = 0; p < h * w; p++) {
            for (int e = 0; e < channels; e++) {
                block[p * channels + e] = (float) (GAIN * PoissonSampler.sample(rng, 1.0 + e) + sigma * rng.nextGaussian());
            }
        }
        return block;
    }

    private static double std(double[] v) {
        double m = java.util.Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
