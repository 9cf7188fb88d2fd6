package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.transforms.background.LocalBackgroundAveraging;
import org.sicube.transforms.background.PowerLawBackground;
import org.sicube.transforms.background.PowerLawEstimator;
import org.sicube.transforms.background.PowerLawWindow;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.spatial.HaloAssembly;
import org.sicube.transforms.spatial.NeighbourhoodMean;
import org.sicube.transforms.spatial.PixelBinning;
import org.sicube.transforms.spatial.SpatialKernel;

/**
 * The spatial stages through the preprocess job on the synthetic EELS image of
 * {@link PreprocessJobTest} (24×24 px, 1024 channels from 400 eV by 0.5 eV) stored in blocks of
 * 32×32 and of awkward 7×5: {@code lba} against a whole-image reference, {@code bin} against the
 * direct sums.
 */
class SpatialStagesJobTest {
    private static final int N = 24;
    private static final int CH = 1024;
    private static final EnergyGrid GRID = new EnergyGrid(CH, 400, 0.5);
    private static final String LBA = "stages:\n  - type: lba\n    window: [490, 525]\n    radius: 2\n";

    @TempDir
    static Path dir;
    private static String store;
    private static String awkward;

    @BeforeAll
    static void synthesize() {
        store = synthesize("a", "32x32");
        awkward = synthesize("b", "7x5");
    }

    private static String synthesize(String name, String block) {
        String s = dir.resolve(name).toString();
        JobRun r = JobRun.of("synthesize", "--kind", "eels", "--size", N + "x" + N, "--channels", "" + CH,
                "--energy-offset", "400", "--feature-size", "8", "--seed", "5", "--block", block, "--output", s);
        assertEquals(0, r.exitCode(), r.err());
        return s;
    }

    static JobRun preprocess(String in, String yaml, String name) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        return JobRun.of("preprocess", "--input", in, "--output", dir.resolve(name).toString(), "--config",
                config.toString());
    }

    /** The blocks of a store as one row-major (ny, nx, channels) cube in double. */
    static double[] cube(String s, int ny, int nx) throws Exception {
        List<PixelBlock> blocks = PreprocessJobTest.blocks(s);
        int ch = blocks.get(0).channels();
        double[] out = new double[ny * nx * ch];
        for (PixelBlock b : blocks) {
            for (int y = b.y0(); y < b.y0() + b.height(); y++) {
                for (int x = b.x0(); x < b.x0() + b.width(); x++) {
                    for (int c = 0; c < ch; c++) {
                        out[(y * nx + x) * ch + c] = b.counts()[b.offsetOf(y, x) + c];
                    }
                }
            }
        }
        return out;
    }

    /**
     * 7×5 blocks, their neighbours' rims exchanged through the summary pass, give the whole-image
     * LBA (the transforms kernels run on the image as one block) to float32 rounding of the output
     * (1e-6 of the counts), and the same float output and maps as 32×32 blocks.
     */
    @Test
    void lbaOnAwkwardBlocksEqualsTheWholeImage() throws Exception {
        JobRun r = preprocess(awkward, LBA, "lba-awkward");
        assertEquals(0, r.exitCode(), r.err());
        JobRun s = preprocess(store, LBA, "lba-square");
        assertEquals(0, s.exitCode(), s.err());
        double[] data = cube(store, N, N);
        double[] input = data.clone();
        PowerLawBackground bg = new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 490, 525), PowerLawEstimator.TWO_AREA);
        LocalBackgroundAveraging lba = new LocalBackgroundAveraging(bg, CH);
        NeighbourhoodMean mean = new NeighbourhoodMean(new SpatialKernel(2, false), 2);
        double[] padded = mean.paddedTile(N, N);
        new HaloAssembly(N, N, N, N, 2, 2).fill(0, 0, N, N, lba.features(data, N * N), (y, x) -> null, padded);
        double[] a = new double[N * N];
        double[] rMap = new double[N * N];
        lba.subtract(data, N * N, mean.mean(padded, N, N), a, rMap, new double[N * N]);
        double[] out = cube(dir.resolve("lba-awkward").toString(), N, N);
        for (int i = 0; i < data.length; i++) {
            assertEquals(data[i], out[i], 1e-6 * Math.max(1, input[i]), "value " + i);
        }
        Map<String, double[]> m = PreprocessJobTest.maps(dir.resolve("lba-awkward").toString());
        for (int p = 0; p < N * N; p++) {
            assertEquals(rMap[p], m.get("lba_r")[p], 1e-6 * Math.abs(rMap[p]), "r at " + p);
        }
        assertArrayEquals(out, cube(dir.resolve("lba-square").toString(), N, N), 0.0);
        Map<String, double[]> ms = PreprocessJobTest.maps(dir.resolve("lba-square").toString());
        for (String k : List.of("lba_A", "lba_r", "lba_chi2")) {
            assertArrayEquals(m.get(k), ms.get(k), 0.0, k);
        }
    }

    /** bin 2: the sums of 2×2 pixels, a 12×12 image in blocks of 16×16 with 2× the pixel size. */
    @Test
    void binSumsPixelsAndUpdatesTheHeader() throws Exception {
        JobRun r = preprocess(store, "stages:\n  - type: bin\n    factor: 2\n", "binned");
        assertEquals(0, r.exitCode(), r.err());
        HeaderJson.Parsed h = BlockStore.readHeader(dir.resolve("binned").toString(), new Configuration());
        HeaderJson.Parsed in = BlockStore.readHeader(store, new Configuration());
        assertEquals(N / 2, h.header().ny());
        assertEquals(N / 2, h.header().nx());
        assertEquals(16, h.blockHeight());
        assertEquals(2 * in.header().pixelSize(), h.header().pixelSize(), 1e-12);
        assertEquals(in.header().totalCounts(), h.header().totalCounts(), 1e-9 * in.header().totalCounts());
        double[] data = cube(store, N, N);
        double[] out = cube(dir.resolve("binned").toString(), N / 2, N / 2);
        for (int y = 0; y < N / 2; y++) {
            for (int x = 0; x < N / 2; x++) {
                for (int c = 0; c < CH; c++) {
                    double want = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            want += data[((2 * y + dy) * N + 2 * x + dx) * CH + c];
                        }
                    }
                    assertEquals(want, out[(y * (N / 2) + x) * CH + c], 0.0);
                }
            }
        }
    }

    /**
     * bin 2 then lba (Gaussian, R = 3): the rims are those of the binned 16×16 blocks; the result
     * equals the whole image binned then averaged in one piece (float32 rounding).
     */
    @Test
    void lbaAfterBinUsesTheBinnedLayout() throws Exception {
        JobRun r = preprocess(store, "stages:\n  - type: bin\n    factor: 2\n  - type: lba\n    window: [490, 525]\n"
                + "    radius: 3\n    kernel: gaussian\n", "bin-lba");
        assertEquals(0, r.exitCode(), r.err());
        int n = N / 2;
        double[] data = PixelBinning.sum(cube(store, N, N), N, N, CH, 2);
        double[] input = data.clone();
        PowerLawBackground bg = new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 490, 525), PowerLawEstimator.TWO_AREA);
        LocalBackgroundAveraging lba = new LocalBackgroundAveraging(bg, CH);
        NeighbourhoodMean mean = new NeighbourhoodMean(new SpatialKernel(3, true), 2);
        double[] padded = mean.paddedTile(n, n);
        new HaloAssembly(n, n, n, n, 3, 2).fill(0, 0, n, n, lba.features(data, n * n), (y, x) -> null, padded);
        lba.subtract(data, n * n, mean.mean(padded, n, n), new double[n * n], new double[n * n], new double[n * n]);
        double[] out = cube(dir.resolve("bin-lba").toString(), n, n);
        for (int i = 0; i < data.length; i++) {
            assertEquals(data[i], out[i], 1e-6 * Math.max(1, input[i]), "value " + i);
        }
    }

    /** Blocks of 7×5 cannot be binned by 2 without crossing block borders: a user error naming --block. */
    @Test
    void binOnIndivisibleBlocksIsAUserError() throws Exception {
        JobRun r = preprocess(awkward, "stages:\n  - type: bin\n    factor: 2\n", "binned-awkward");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("stages[0].factor") && r.err().contains("--block"), r.err());
        assertFalse(Files.exists(dir.resolve("binned-awkward")));
    }
}
