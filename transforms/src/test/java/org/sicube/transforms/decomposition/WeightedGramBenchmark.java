package org.sicube.transforms.decomposition;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sicube.transforms.synthetic.PixelRandom;

/**
 * Throughput of the one-pass weighted Gram on low-count EDS-like data (10⁵ spectra × 2048
 * channels, about 200 counts each, in 32 × 32 blocks), for both kernels. Prints one JSON line per
 * measurement; asserts nothing. Runs only with {@code -Dsicube.bench=true}.
 */
@EnabledIfSystemProperty(named = "sicube.bench", matches = "true")
class WeightedGramBenchmark {

    private static final int CHANNELS = 2048;
    private static final int BLOCK = 1024;
    private static final int SPECTRA = 100_000;
    private static final int COUNTS = 200;

    @Test
    void lowCountAccumulation() {
        double[] cdf = spectrumCdf();
        for (String kernel : new String[] {"auto", "sparse", "dense"}) {
            WeightedGramAccumulator fit = WeightedGramAccumulator.zero(CHANNELS);
            PixelRandom rng = new PixelRandom(PixelRandom.pixelKey(42, 0, 0, 0));
            float[] block = new float[BLOCK * CHANNELS];
            long nanos = 0;
            long nonZero = 0;
            for (int done = 0; done < SPECTRA; done += BLOCK) {
                int pixels = Math.min(BLOCK, SPECTRA - done);
                java.util.Arrays.fill(block, 0f);
                for (int n = 0; n < pixels; n++) {
                    for (int c = 0; c < COUNTS; c++) {
                        int e = java.util.Arrays.binarySearch(cdf, rng.nextDouble());
                        block[n * CHANNELS + (e < 0 ? -e - 1 : e)] += 1f;
                    }
                }
                for (int i = 0; i < pixels * CHANNELS; i++) {
                    nonZero += block[i] != 0f ? 1 : 0;
                }
                float[] part = pixels == BLOCK ? block : java.util.Arrays.copyOf(block, pixels * CHANNELS);
                long t0 = System.nanoTime();
                if (!kernel.equals("auto")) {
                    fit.add(part, pixels, CHANNELS, fit.pixelTotals(part, pixels, CHANNELS), kernel.equals("sparse"));
                } else {
                    fit.add(part, pixels, CHANNELS);
                }
                nanos += System.nanoTime() - t0;
            }
            long t1 = System.nanoTime();
            WeightedPcaModel model = WeightedPca.fit(fit.finish(false));
            double finish = (System.nanoTime() - t1) * 1e-9;
            double seconds = nanos * 1e-9;
            System.out.println(String.format(Locale.ROOT,
                    "{\"what\":\"weighted-gram-%s\",\"spectra\":%d,\"channels\":%d,\"nonzero_fraction\":%.4f,"
                            + "\"seconds\":%.3f,\"spectra_per_s\":%.0f,\"finish_eigen_seconds\":%.3f,\"K\":%d,"
                            + "\"blas\":\"%s\",\"peak_heap_mb\":%d}",
                    kernel, SPECTRA, CHANNELS, nonZero / ((double) SPECTRA * CHANNELS), seconds, SPECTRA / seconds,
                    finish, model.components(), dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getSimpleName(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
        }
    }

    /** Cumulative distribution of a background with a few peaks over the channels. */
    private static double[] spectrumCdf() {
        double[] cdf = new double[CHANNELS];
        double sum = 0;
        for (int e = 0; e < CHANNELS; e++) {
            sum += 0.2 * Math.exp(-e / 600.0) + Math.exp(-0.5 * Math.pow((e - 170) / 6.0, 2))
                    + 0.6 * Math.exp(-0.5 * Math.pow((e - 640) / 8.0, 2)) + 0.4 * Math.exp(-0.5 * Math.pow((e - 1300) / 9.0, 2));
            cdf[e] = sum;
        }
        for (int e = 0; e < CHANNELS; e++) {
            cdf[e] /= sum;
        }
        return cdf;
    }
}
