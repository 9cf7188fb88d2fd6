package org.sicube.jobs.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.NpyFiles;
import org.sicube.jobs.testing.TestSpark;
import org.sicube.transforms.synthetic.PixelRandom;
import org.sicube.transforms.synthetic.PoissonSampler;

/**
 * The noise job on a synthetic EELS camera image of known gain and read noise: 64 × 64 px, 200
 * channels of a power-law-like spectrum with an edge (λ from ≈ 2 to ≈ 2200 electrons per channel),
 * brighter by 10 % from top to bottom row (smooth: horizontal neighbours share λ), read out as
 * {@code DN = round(g·Poisson(λ) + N(0, σr²))}; written as .npy, ingested, estimated, then
 * converted by a {@code gain} stage that takes its numbers from the run's noise.json.
 */
class NoiseJobTest {
    static final int N = 64;
    static final int CHANNELS = 200;
    static final double GAIN = 3.0;
    static final double READ_VARIANCE = 144.0;

    @TempDir
    static Path dir;
    static String store;
    static String run;
    static JobRun noise;

    @BeforeAll
    static void estimate() throws Exception {
        Path npy = NpyFiles.write(dir.resolve("camera.npy"), "<f4", new int[] {N, N, CHANNELS}, camera());
        store = dir.resolve("store").toString();
        JobRun ingest = JobRun.of("ingest", "--input", npy.toString(), "--output", store, "--allow-non-counts",
                "--reader-option", "energy-offset=400", "--reader-option", "energy-scale=1",
                "--reader-option", "energy-units=eV");
        assertEquals(0, ingest.exitCode(), ingest.err());
        run = dir.resolve("run").toString();
        noise = JobRun.of("noise", "--store", store, "--output", run);
        assertEquals(0, noise.exitCode(), noise.err());
    }

    /** Expected electrons in channel e of row y: a decaying background, an edge at channel 80, 10 % brighter at the bottom. */
    static double lambda(int y, int e) {
        double spectrum = 2 + 2000 * Math.exp(-e / 30.0) + (e >= 80 ? 40 * Math.exp(-(e - 80) / 60.0) : 0);
        return spectrum * (1 + 0.1 * y / (N - 1));
    }

    private static float[] camera() {
        float[] dn = new float[N * N * CHANNELS];
        double sigma = Math.sqrt(READ_VARIANCE);
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                PixelRandom rng = new PixelRandom(PixelRandom.pixelKey(17, 0, y, x));
                for (int e = 0; e < CHANNELS; e++) {
                    double v = GAIN * PoissonSampler.sample(rng, lambda(y, e)) + sigma * rng.nextGaussian();
                    dn[(y * N + x) * CHANNELS + e] = (float) Math.rint(v);
                }
            }
        }
        return dn;
    }

    /**
     * Both numbers within 3 % of the truth (rounding to whole DN adds 1/12 DN² to σr², 0.06 %); the
     * truth within 4 reported standard errors, so the errors are not wildly optimistic.
     */
    @Test
    void recoversGainAndReadVariance() throws Exception {
        JsonNode j = new ObjectMapper().readTree(Path.of(run, NoiseEstimate.FILE).toFile());
        double g = j.get("gain").asDouble();
        double r = j.get("readVariance").asDouble();
        System.out.printf("noise job: g = %.4f ± %.4f (truth %.1f), σr² = %.2f ± %.2f (truth %.0f), %d bins, χ²ν %.2f%n",
                g, j.get("gainError").asDouble(), GAIN, r, j.get("readVarianceError").asDouble(), READ_VARIANCE,
                j.get("points").asInt(), j.get("reducedChiSquare").asDouble());
        assertEquals(GAIN, g, 0.03 * GAIN);
        assertEquals(READ_VARIANCE, r, 0.03 * READ_VARIANCE);
        assertEquals(GAIN, g, 4 * j.get("gainError").asDouble());
        assertEquals(READ_VARIANCE, r, 4 * j.get("readVarianceError").asDouble());
        assertEquals("neighbours", j.get("method").asText());
        assertTrue(j.get("points").asInt() >= 20, j.toString());
        assertTrue(noise.out().contains("gain g = "), noise.out());
        assertTrue(Files.size(Path.of(run, NoiseOutputs.PNG)) > 5000);
        List<String> csv = Files.readAllLines(Path.of(run, NoiseOutputs.CSV));
        assertEquals("bin,mean_dn,variance_dn2,pairs,fitted,fit_variance_dn2", csv.get(0));
        assertEquals(j.get("points").asInt(), csv.stream().skip(1).filter(l -> l.split(",")[4].equals("1")).count());
        assertTrue(Files.exists(Path.of(run, "manifest.json")));
    }

    /**
     * {@code gain} with {@code from: RUN/noise.json} turns DN into counts: in each (row, channel)
     * cell the 64 pixels share λ, so their sample variance measures the noise. Pooled over all
     * cells, variance / (mean + σr²/g²) is 1 within 2 % (the estimate's own error, ≈ 0.5 %, enters
     * squared-off; sampling of the pooled variance ≈ 0.3 %), and the line variance = a·mean + b
     * through the cells has slope a = 1 within 3 %: Poisson counts.
     */
    @Test
    void gainStageFromTheRunGivesPoissonCounts() throws Exception {
        Path config = Files.writeString(dir.resolve("gain.yaml"),
                "stages:\n  - type: gain\n    from: " + Path.of(run, NoiseEstimate.FILE) + "\n");
        String counts = dir.resolve("counts").toString();
        JobRun r = JobRun.of("preprocess", "--input", store, "--output", counts, "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
        double[][] sum = new double[N][CHANNELS];
        double[][] sumSq = new double[N][CHANNELS];
        for (PixelBlock b : BlockStore.readBlocks(TestSpark.get(), counts).collect()) {
            for (int p = 0; p < b.pixels(); p++) {
                int y = b.y0() + p / b.width();
                for (int e = 0; e < CHANNELS; e++) {
                    double v = b.counts()[p * CHANNELS + e];
                    sum[y][e] += v;
                    sumSq[y][e] += v * v;
                }
            }
        }
        double floor = READ_VARIANCE / (GAIN * GAIN);
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, pooledVar = 0, pooledExpected = 0;
        for (int y = 0; y < N; y++) {
            for (int e = 0; e < CHANNELS; e++) {
                double m = sum[y][e] / N;
                double v = (sumSq[y][e] - N * m * m) / (N - 1);
                pooledVar += v;
                pooledExpected += m + floor;
                double w = 1 / ((m + floor) * (m + floor)); // inverse sampling variance of v, up to a constant
                sw += w;
                sx += w * m;
                sy += w * v;
                sxx += w * m * m;
                sxy += w * m * v;
            }
        }
        double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        double ratio = pooledVar / pooledExpected;
        System.out.printf("gain from noise.json: variance/(mean + σr²/g²) = %.4f, slope of variance on mean = %.4f%n",
                ratio, slope);
        assertEquals(1, ratio, 0.02);
        assertEquals(1, slope, 0.03);
    }

    @Test
    void framesWithoutSecondStoreIsAUserError() {
        JobRun r = JobRun.of("noise", "--store", store, "--output", dir.resolve("bad").toString(), "--method", "frames");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--second"), r.err());
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    @Test
    void gainStageRejectsAMissingNoiseFile() throws Exception {
        Path config = Files.writeString(dir.resolve("missing.yaml"),
                "stages:\n  - type: gain\n    from: " + dir.resolve("nowhere/noise.json") + "\n");
        JobRun r = JobRun.of("preprocess", "--input", store, "--output", dir.resolve("bad2").toString(), "--config",
                config.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("stages[0].from"), r.err());
    }
}
