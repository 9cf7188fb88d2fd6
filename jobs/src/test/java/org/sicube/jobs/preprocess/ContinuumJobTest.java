package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.transforms.background.KramersContinuum;
import org.sicube.transforms.background.LineFreeChannels;
import org.sicube.transforms.physics.DetectorEfficiency;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * The EDS {@code continuum} stage through the preprocess job on a synthetic EDS image (16×16 px,
 * the demo phases and 2 Au-Ag inclusions, 2048 channels from 0 eV by 10 eV, 200 keV, 5000 counts per pixel, blocks of
 * 5×7), elements and beam energy from the store's header.
 */
class ContinuumJobTest {
    private static final int N = 16;
    private static final int CH = 2048;

    @TempDir
    static Path dir;
    private static String store;
    private static String out;

    @BeforeAll
    static void synthesizeAndSubtract() throws Exception {
        store = dir.resolve("eds").toString();
        JobRun s = JobRun.of("synthesize", "--kind", "eds", "--size", N + "x" + N, "--mean-counts", "5000",
                "--feature-size", "8", "--rare-inclusions", "2", "--seed", "3", "--block", "5x7", "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        out = dir.resolve("continuum").toString();
        Path config = Files.writeString(dir.resolve("continuum.yaml"),
                "stages:\n  - type: continuum\n    range: [300, 20000]\n    order: 1\n");
        JobRun r = JobRun.of("preprocess", "--input", store, "--output", out, "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /**
     * Every output spectrum and scale equal {@link KramersContinuum} run directly on the input pixel
     * with the header's elements and beam energy (float32 rounding), and the fit's Poisson
     * likelihood leaves no net counts on the line-free channels (1e-6 of the counts there).
     */
    @Test
    void subtractsTheKramersContinuumOfEachPixel() throws Exception {
        HeaderJson.Parsed h = BlockStore.readHeader(store, new Configuration());
        List<String> elements = h.header().elements();
        assertTrue(elements.contains("Fe") && elements.contains("Au"), elements.toString());
        EnergyGrid grid = new EnergyGrid(CH, h.header().energy().offsetEv(), h.header().energy().scaleEv());
        boolean[] free = LineFreeChannels.of(grid, 300, 20000, h.header().beamEnergyKeV(), elements,
                DetectorResolution.standard(), 2.0);
        KramersContinuum k = new KramersContinuum(grid, h.header().beamEnergyKeV(), DetectorEfficiency.standard(),
                free, 1);
        double[] in = SpatialStagesJobTest.cube(store, N, N);
        double[] after = SpatialStagesJobTest.cube(out, N, N);
        double[] scale = PreprocessJobTest.maps(out, N, N).get("continuum_scale");
        double[] s = new double[CH];
        double net = 0;
        double counts = 0;
        for (int p = 0; p < N * N; p++) {
            System.arraycopy(in, p * CH, s, 0, CH);
            assertTrue(k.fitAndSubtract(s), "pixel " + p);
            assertEquals(k.scale(), scale[p], 1e-6 * k.scale(), "scale " + p);
            for (int c = 0; c < CH; c++) {
                assertEquals(s[c], after[p * CH + c], 1e-6 * Math.max(1, in[p * CH + c]), "pixel " + p + " channel " + c);
                if (free[c]) {
                    net += after[p * CH + c];
                    counts += in[p * CH + c];
                }
            }
        }
        System.out.printf("continuum: net %.3g of %.3g counts on the line-free channels%n", net, counts);
        assertTrue(counts > 5e4, "line-free counts " + counts); // about 370 per pixel, 7 % of the counts
        assertEquals(0.0, net, 1e-6 * counts);
    }
}
