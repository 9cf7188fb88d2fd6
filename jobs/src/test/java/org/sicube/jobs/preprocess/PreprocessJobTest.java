package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;

/**
 * The preprocess job on a synthetic EELS image (24×24 px, 1024 channels from 400 eV by 0.5 eV;
 * grains of 8 px) with known jump ratios: alignment against the sum spectrum then power-law
 * subtraction below the O K edge, and identical output for two block sizes.
 */
class PreprocessJobTest {
    private static final int N = 24;
    private static final String CONFIG = "stages:\n  - type: align\n    method: xcorr\n    maxShift: 10\n"
            + "  - type: powerlaw\n    window: [490, 525]\n    method: two-area\n";

    @TempDir
    static Path dir;
    private static String storeA;
    private static String storeB;
    private static String outA;
    private static String outB;

    @BeforeAll
    static void preprocessTwoTilings() throws Exception {
        Path config = Files.writeString(dir.resolve("chain.yaml"), CONFIG);
        storeA = synthesize("a", "32x32");
        storeB = synthesize("b", "7x13");
        outA = preprocess(storeA, config, "outA");
        outB = preprocess(storeB, config, "outB");
    }

    private static String synthesize(String name, String block) {
        String s = dir.resolve(name).toString();
        JobRun r = JobRun.of("synthesize", "--kind", "eels", "--size", N + "x" + N, "--channels", "1024",
                "--energy-offset", "400", "--feature-size", "8", "--seed", "5", "--block", block, "--output", s);
        assertEquals(0, r.exitCode(), r.err());
        return s;
    }

    private static String preprocess(String in, Path config, String name) {
        String out = dir.resolve(name).toString();
        JobRun r = JobRun.of("preprocess", "--input", in, "--output", out, "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("preprocessed"), r.out());
        return out;
    }

    /** A (ny, nx) float32 truth map, read through the .npy reader (ny spectra of nx channels). */
    static float[] truth(String store, String file) throws Exception {
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(Path.of(store, "truth", file)))) {
            return r.readBlock(0, 0, 1, N).counts();
        }
    }

    /** The named map of an output store as a row-major N × N image. */
    static Map<String, double[]> maps(String store) {
        return maps(store, N, N);
    }

    /** The named map of an output store of ny × nx pixels as a row-major image. */
    static Map<String, double[]> maps(String store, int ny, int nx) {
        Map<String, double[]> out = new HashMap<>();
        for (Row r : TestSpark.get().read().parquet(store + "/maps").collectAsList()) {
            double[] img = out.computeIfAbsent(r.getString(4), k -> new double[ny * nx]);
            List<Float> v = r.getList(5);
            for (int i = 0; i < v.size(); i++) {
                img[(r.getInt(0) + i / r.getInt(3)) * nx + r.getInt(1) + i % r.getInt(3)] = v.get(i);
            }
        }
        return out;
    }

    /**
     * Jump ratio of the O K edge (onset 532 eV), the first edge of the iron-oxide and NiO pixels
     * (carbon's C K edge lies below this grid), see {@link #jumpRatios}.
     */
    @Test
    void powerLawSubtractionLeavesTheTrueJumpRatio() throws Exception {
        double[][] jr = jumpRatios(storeA, outA, N);
        int n = jr[0].length;
        double sumErr = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double err = jr[0][i] - jr[1][i];
            sumErr += err;
            sumSq += err * err;
        }
        double bias = sumErr / n;
        double rms = Math.sqrt(sumSq / n);
        System.out.printf("jump ratio (O K, %d px, truth 1.6): mean error %.4f, RMS %.4f%n", n, bias, rms);
        assertTrue(n >= 20, "TiO2 pixels: " + n);
        assertTrue(Math.abs(bias) < 0.03, "mean jump-ratio error " + bias);
        assertTrue(rms < 0.15, "RMS jump-ratio error " + rms);
    }

    /**
     * The O K jump ratio of every pixel with that edge (labels 1, 3), measured in {@code out} (of
     * {@code store}, nx pixels wide) and true: counts over the background in the channels centred
     * on 540 … 549.5 eV (edges 539.75 … 549.75 eV), the background integrated from the fitted A
     * and r maps, the counts = subtracted data + background. Returns {measured, truth}.
     */
    static double[][] jumpRatios(String store, String out, int nx) throws Exception {
        float[] labels = truth(store, "labels.npy");
        float[] jump = truth(store, "jump_ratio.npy");
        Map<String, double[]> m = maps(out);
        List<Double> measured = new java.util.ArrayList<>();
        List<Double> expected = new java.util.ArrayList<>();
        for (PixelBlock b : blocks(out)) {
            for (int y = b.y0(); y < b.y0() + b.height(); y++) {
                for (int x = b.x0(); x < b.x0() + b.width(); x++) {
                    int i = y * nx + x;
                    if (labels[i] != 1 && labels[i] != 3) {
                        continue;
                    }
                    double k = 1 - m.get("powerlaw_r")[i];
                    double background = m.get("powerlaw_A")[i] * (Math.pow(549.75, k) - Math.pow(539.75, k)) / k;
                    double signal = 0;
                    for (int c = 280; c < 300; c++) {
                        signal += b.counts()[b.offsetOf(y, x) + c];
                    }
                    measured.add((signal + background) / background);
                    expected.add((double) jump[i]);
                }
            }
        }
        return new double[][] {measured.stream().mapToDouble(Double::doubleValue).toArray(),
                expected.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    @Test
    void outputIsIndependentOfTheBlockSize() throws Exception {
        List<PixelBlock> a = blocks(outA);
        List<PixelBlock> b = blocks(outB);
        float[] imgA = image(a);
        float[] imgB = image(b);
        assertArrayEquals(imgA, imgB);
        Map<String, double[]> ma = maps(outA);
        Map<String, double[]> mb = maps(outB);
        assertEquals(ma.keySet(), mb.keySet());
        for (String k : ma.keySet()) {
            assertArrayEquals(ma.get(k), mb.get(k), k);
        }
    }

    @Test
    void headerCarriesTheConfigAndPicturesAreWritten() throws Exception {
        HeaderJson.Parsed h = BlockStore.readHeader(outA, new Configuration());
        assertEquals(1024, h.header().channels());
        assertEquals(400, h.header().energy().offset(), 0);
        assertTrue(h.preprocessing().contains("\"powerlaw\""), h.preprocessing());
        assertEquals("", BlockStore.readHeader(storeA, new Configuration()).preprocessing());
        for (String name : List.of("align_shift", "powerlaw_A", "powerlaw_r", "powerlaw_chi2")) {
            assertTrue(Files.size(Path.of(outA, MapImages.DIR, name + ".png")) > 1000, name);
        }
        assertFalse(Files.exists(Path.of(outA, "maps", "align_shift.png")));
    }

    @Test
    void cropAndBinningGiveTheNewAxisAndConserveCounts() throws Exception {
        Path config = Files.writeString(dir.resolve("crop.yaml"),
                "stages:\n  - type: crop\n    range: [500, 599.5]\n  - type: ebin\n    factor: 4\n");
        String out = preprocess(storeA, config, "cropped");
        HeaderJson.Parsed h = BlockStore.readHeader(out, new Configuration());
        assertEquals(50, h.header().channels());
        assertEquals(500.75, h.header().energy().offset(), 1e-12);
        assertEquals(2.0, h.header().energy().scale(), 1e-12);
        float[] in = image(blocks(storeA));
        double want = 0;
        for (int p = 0; p < N * N; p++) {
            for (int c = 200; c < 400; c++) {
                want += in[p * 1024 + c];
            }
        }
        assertEquals(want, h.header().totalCounts(), 0.0);
    }

    @Test
    void badConfigIsAUserErrorBeforeSparkWork() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "stages:\n  - type: powerlaw\n    window: [100, 200]\n");
        JobRun r = JobRun.of("preprocess", "--input", storeA, "--output", dir.resolve("bad").toString(),
                "--config", config.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("stages[0].window"), r.err());
        assertFalse(Files.exists(dir.resolve("bad")));
        JobRun s = JobRun.of("preprocess", "--input", storeA, "--output", dir.resolve("bad").toString(),
                "--config", config.toString(), "--set", "powerlaw.window=[410,450]", "--set", "powerlaw.method=cubic");
        assertEquals(2, s.exitCode());
        assertTrue(s.err().contains("stages[0].method"), s.err());
    }

    static List<PixelBlock> blocks(String store) throws Exception {
        return BlockStore.readBlocks(TestSpark.get(), store).collect().stream()
                .sorted(Comparator.comparingInt(PixelBlock::y0).thenComparingInt(PixelBlock::x0)).toList();
    }

    /** The blocks as one row-major (N, N, channels) cube. */
    private static float[] image(List<PixelBlock> blocks) {
        int ch = blocks.get(0).channels();
        float[] out = new float[N * N * ch];
        for (PixelBlock b : blocks) {
            for (int y = b.y0(); y < b.y0() + b.height(); y++) {
                for (int x = b.x0(); x < b.x0() + b.width(); x++) {
                    System.arraycopy(b.counts(), b.offsetOf(y, x), out, (y * N + x) * ch, ch);
                }
            }
        }
        return out;
    }
}
