package org.sicube.datasets.formats.jeol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.formats.Tiles;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.SpectrumImage;

/**
 * The JEOL reader on the real View000_0000006.pts (512 x 512 x 4096, 14 frames). Reference values:
 * shape, axis and total from REFERENCE.md (HyperSpy 1.7.3); per-frame totals and the weighted
 * checksums from an independent vectorised decode of the event words.
 */
class PtsReaderTest {
    static final LocalInputFile PTS = new LocalInputFile(
            Path.of(System.getProperty("sicube.shared"), "data", "View000_0000006.pts"));

    static SpectrumImageReader open(String... options) throws IOException {
        return Formats.open(PTS, ReaderOptions.parse(List.of(options)));
    }

    @Test
    void binnedCubeMatchesTheReference() throws IOException {
        try (SpectrumImageReader r = open("bin=4", "ebin=4")) {
            SpectrumImage h = r.header();
            assertEquals(128, h.ny());
            assertEquals(128, h.nx());
            assertEquals(1024, h.channels());
            assertEquals(-0.9606613249999999, h.energy().offset(), 1e-15);
            assertEquals(0.03999464, h.energy().scale(), 1e-15);
            assertEquals("keV", h.energy().units());
            assertEquals(200.0, h.beamEnergyKeV(), 0.0);
            assertEquals(366.90000000000003, h.realTimeS(), 0.0);
            assertEquals(325.46, h.liveTimeS(), 0.0);
            assertEquals("EX24075JGT", h.detector());
            assertEquals("EDS_TEM", h.signalType());
            // ScanSize 178 / Mag 40000 mm over 128 pixels; the reference lists 0.03477 µm.
            assertEquals(0.03477, h.pixelSize(), 5e-6);
            assertEquals(14, ((PtsReader) r).frameCount());
            float[] whole = Tiles.readAll(r, 128, 128);
            assertEquals(308261.0, Tiles.sum(whole), 0.0);
            assertEquals(2561936515.0, weighted(whole, 128, 1024), 0.0);
            assertEquals(65.0, pixelTotal(whole, 60, 70, 128, 1024), 0.0);
            for (int[] t : new int[][] {{7, 13}, {1, 128}, {33, 50}}) {
                assertArrayEquals(whole, Tiles.readAll(r, t[0], t[1]), "tile " + t[0] + "x" + t[1]);
            }
        }
    }

    /**
     * Full resolution in each direction separately (the dense 512 x 512 x 4096 cube would be 4 GiB of
     * floats): all pixels with the energies summed, and all 4096 channels with the pixels summed.
     */
    @Test
    void fullResolutionHasTheSameTotal() throws IOException {
        try (SpectrumImageReader r = open()) {
            assertEquals(512, r.header().ny());
            assertEquals(512, r.header().nx());
            assertEquals(4096, r.header().channels());
            assertEquals(0.00999866, r.header().energy().scale(), 1e-15);
            assertEquals(175.0, r.readBlock(0, 0, 32, 32).totalCounts(), 0.0);
            assertEquals(699.0, r.readBlock(480, 480, 32, 32).totalCounts(), 0.0);
        }
        try (SpectrumImageReader r = open("ebin=4096")) {
            long t0 = System.nanoTime();
            float[] map = Tiles.readAll(r, 32, 32);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "{\"what\":\"pts 512x512 map in 32x32 blocks\",\"spectra\":%d,"
                    + "\"seconds\":%.3f,\"spectra_per_s\":%.0f,\"stream_MB_decoded_per_s\":%.1f}%n",
                    512 * 512, s, 512 * 512 / s, PTS.length() * 16 / 1e6 / s);
            assertEquals(308261.0, Tiles.sum(map), 0.0);
            assertEquals(10174013808.0, weighted(map, 512, 1), 0.0);
        }
        try (SpectrumImageReader r = open("bin=512")) {
            float[] spectrum = Tiles.readAll(r, 1, 1);
            assertEquals(308261.0, Tiles.sum(spectrum), 0.0);
            assertEquals(138128805.0, weighted(spectrum, 1, 4096), 0.0);
        }
    }

    @Test
    void frameSelectionAndChannelTruncation() throws IOException {
        int[] perFrame = {22355, 21975, 22038, 21904, 21846, 22115, 22021, 21917, 22123, 21919, 22141, 22024, 22086, 21797};
        for (int f : new int[] {0, 3, 13}) {
            try (SpectrumImageReader r = open("bin=8", "ebin=8", "frames=" + f)) {
                assertEquals(perFrame[f], Tiles.sum(Tiles.readAll(r, 64, 64)), 0.0, "frame " + f);
            }
        }
        try (SpectrumImageReader r = open("bin=4", "ebin=4", "frames=0-6")) {
            assertEquals(154254.0, Tiles.sum(Tiles.readAll(r, 50, 50)), 0.0);
            assertArrayEquals(new int[] {0, 6}, ((PtsReader) r).framesRead());
        }
        try (SpectrumImageReader r = open("bin=4", "ebin=4", "channels=512")) {
            assertEquals(512, r.header().channels());
            assertEquals(304036.0, Tiles.sum(Tiles.readAll(r, 128, 128)), 0.0);
        }
    }

    private static double weighted(float[] cube, int n, int c) {
        double s = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                for (int e = 0; e < c; e++) {
                    s += cube[(y * n + x) * c + e] * (double) (y * 131 + x * 7 + e);
                }
            }
        }
        return s;
    }

    private static double pixelTotal(float[] cube, int y, int x, int n, int c) {
        double s = 0;
        for (int e = 0; e < c; e++) {
            s += cube[(y * n + x) * c + e];
        }
        return s;
    }
}
