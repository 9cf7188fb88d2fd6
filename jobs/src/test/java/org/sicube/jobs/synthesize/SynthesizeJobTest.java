package org.sicube.jobs.synthesize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;
import org.sicube.transforms.synthetic.EdsGenerator;
import org.sicube.transforms.synthetic.EdsSpec;

/** The synthesize job: the store equals the generator pixel for pixel whatever the block size, with its ground truth. */
class SynthesizeJobTest {

    private static List<PixelBlock> blocks(String store) throws Exception {
        return BlockStore.readBlocks(TestSpark.get(), store).collect().stream()
                .sorted(Comparator.comparingInt(PixelBlock::y0).thenComparingInt(PixelBlock::x0)).toList();
    }

    @Test
    void edsStoreMatchesTheGeneratorForAnyBlockSizeAndCarriesGroundTruth(@TempDir Path dir) throws Exception {
        String a = dir.resolve("a").toString();
        String b = dir.resolve("b").toString();
        JobRun ra = JobRun.of("synthesize", "--size", "40x70", "--channels", "512", "--energy-scale", "40",
                "--seed", "7", "--rare-inclusions", "3", "--output", a, "--block", "7x13");
        assertEquals(0, ra.exitCode(), ra.err());
        JobRun rb = JobRun.of("synthesize", "--size", "40x70", "--channels", "512", "--energy-scale", "40",
                "--seed", "7", "--rare-inclusions", "3", "--output", b, "--block", "32x32");
        assertEquals(0, rb.exitCode(), rb.err());

        SpectrumImage h = BlockStore.readHeader(a, new Configuration()).header();
        assertEquals(40, h.ny());
        assertEquals(70, h.nx());
        assertEquals("keV", h.energy().units());
        assertEquals(0.04, h.energy().scale(), 1e-12);
        assertTrue(h.elements().containsAll(List.of("Fe", "Au")), h.elements().toString());
        assertEquals(h.totalCounts(), BlockStore.readHeader(b, new Configuration()).header().totalCounts());

        EdsSpec spec = new SynthesizeJob().defaultEds(40, 70, 512, 0, 40, 7, 3);
        EdsGenerator g = new EdsGenerator(spec);
        float[] direct = new float[40 * 70 * 512];
        g.fill(0, 0, 40, 70, direct);
        double total = 0;
        for (float v : direct) {
            total += v;
        }
        assertEquals(total, h.totalCounts(), 0.0);
        for (String store : List.of(a, b)) {
            for (PixelBlock blk : blocks(store)) {
                for (int y = blk.y0(); y < blk.y0() + blk.height(); y++) {
                    for (int x = blk.x0(); x < blk.x0() + blk.width(); x++) {
                        float[] got = java.util.Arrays.copyOfRange(blk.counts(), blk.offsetOf(y, x), blk.offsetOf(y, x) + 512);
                        float[] want = java.util.Arrays.copyOfRange(direct, (y * 70 + x) * 512, (y * 70 + x + 1) * 512);
                        assertArrayEquals(want, got, "pixel " + y + "," + x);
                    }
                }
            }
        }

        // Ground truth: labels.npy, read back through our own .npy reader, which takes a 2-D (40, 70)
        // array as 40 spectra of 70 channels in one row: the flat order is the same.
        Path truth = dir.resolve("a/truth");
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(truth.resolve("labels.npy")))) {
            assertEquals(40, r.header().nx());
            assertEquals(70, r.header().channels());
            PixelBlock labels = r.readBlock(0, 0, 1, 40);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 70; x++) {
                    assertEquals(g.label(y, x), (int) labels.counts()[y * 70 + x]);
                }
            }
        }
        List<String> rare = Files.readAllLines(truth.resolve("rare_pixels.csv"));
        assertEquals(g.rarePixels().length + 1, rare.size());
        assertTrue(Files.readString(truth.resolve("phases.json")).contains("Au-Ag particle"));
        assertEquals(513, Files.readAllLines(truth.resolve("phase_spectra.csv")).size());
    }

    @Test
    void eelsStoreHasAnEvAxisAndDriftTruth(@TempDir Path dir) throws Exception {
        String s = dir.resolve("eels").toString();
        JobRun r = JobRun.of("synthesize", "--kind", "eels", "--size", "12x10", "--channels", "1024", "--output", s,
                "--gain", "2", "--read-noise", "3");
        assertEquals(0, r.exitCode(), r.err());
        SpectrumImage h = BlockStore.readHeader(s, new Configuration()).header();
        assertEquals("eV", h.energy().units());
        assertEquals(250, h.energy().offset(), 0.0);
        assertEquals("EELS", h.signalType());
        for (String f : List.of("labels.npy", "drift_ev.npy", "amplitude.npy", "exponent.npy", "jump_ratio.npy", "phases.json")) {
            assertTrue(Files.exists(dir.resolve("eels/truth").resolve(f)), f);
        }
    }

    @Test
    void badOptionsAreUserErrors(@TempDir Path dir) {
        JobRun r = JobRun.of("synthesize", "--output", dir.resolve("x").toString(), "--phase", "alloy:Xx=50");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Xx"), r.err());
        JobRun size = JobRun.of("synthesize", "--output", dir.resolve("y").toString(), "--size", "0x5");
        assertEquals(2, size.exitCode());
        JobRun crowded = JobRun.of("synthesize", "--output", dir.resolve("z").toString(), "--size", "20x24");
        assertEquals(2, crowded.exitCode());
        assertTrue(crowded.err().contains("inclusions"), crowded.err());
    }
}
