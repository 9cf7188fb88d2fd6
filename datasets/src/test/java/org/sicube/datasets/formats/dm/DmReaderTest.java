package org.sicube.datasets.formats.dm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.formats.Tiles;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.SpectrumImage;

/** The DM reader on the real EELS spectrum and on generated dm3/dm4 spectrum images with known values. */
class DmReaderTest {
    @TempDir
    Path dir;

    static Path realSpectrum() {
        return Path.of(System.getProperty("sicube.shared"), "data", "test-EELS_spectrum.dm3");
    }

    @Test
    void realEelsSpectrumMatchesHyperSpy() throws IOException {
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(realSpectrum()))) {
            SpectrumImage h = r.header();
            assertEquals(1, h.ny());
            assertEquals(1, h.nx());
            assertEquals(2048, h.channels());
            // HyperSpy: offset = -origin * scale = -200 * 0.5 eV, scale 0.5 eV.
            assertEquals(-100.0, h.energy().offset(), 0.0);
            assertEquals(0.5, h.energy().scale(), 0.0);
            assertEquals("eV", h.energy().units());
            assertEquals("EELS", h.signalType());
            assertEquals(200.0, h.beamEnergyKeV(), 0.0);
            assertEquals("float32", h.dataType());
            assertEquals("dm3", h.sourceFormat());
            float[] s = Tiles.readAll(r, 1, 1);
            assertEquals(-20.679565f, s[0]);
            assertEquals(-54.752808f, s[1]);
            assertEquals(204.5686f, s[2]);
            // numpy float64 sum of the stored float32 values; summation order changes only the last digits.
            assertEquals(-7678.557067871094, Tiles.sum(s), 1e-6);
            DmAcquisition a = ((DmReader) r).acquisition();
            assertEquals(7e-05, a.exposureS(), 1e-12);
            assertEquals(0.0035, a.integrationTimeS(), 1e-12);
            assertEquals(0.5, a.dispersionEvPerChannel(), 0.0);
            assertEquals(21.0, a.convergenceMrad(), 0.0);
            assertEquals(0.0, a.collectionMrad(), 0.0);
            assertEquals("FEI Tecnai Remote", a.microscope());
            assertEquals("GIF Quantum ER", a.detector());
        }
    }

    @Test
    void generatedSpectrumImagesInBothVersionsOrdersAndLayouts() throws IOException {
        for (int version : new int[] {3, 4}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean energyFastest : new boolean[] {false, true}) {
                    byte[] bytes = DmFixtures.spectrumImage(version, order, 5, 4, 7, DmPixelType.UINT16, energyFastest);
                    Path p = dir.resolve("si_" + version + order + energyFastest + ".dm" + version);
                    Files.write(p, bytes);
                    String what = "dm" + version + " " + order + " energyFastest=" + energyFastest;
                    try (SpectrumImageReader r = Formats.open(new LocalInputFile(p))) {
                        SpectrumImage h = r.header();
                        assertEquals(4, h.ny(), what);
                        assertEquals(5, h.nx(), what);
                        assertEquals(7, h.channels(), what);
                        assertEquals(-10.0, h.energy().offset(), 0.0, what);
                        assertEquals(0.5, h.energy().scale(), 0.0, what);
                        assertEquals("eV", h.energy().units(), what);
                        assertEquals(2.5, h.pixelSize(), 0.0, what);
                        assertEquals("nm", h.pixelUnits(), what);
                        assertEquals(300.0, h.beamEnergyKeV(), 0.0, what);
                        assertEquals("EELS", h.signalType(), what);
                        float[] whole = Tiles.readAll(r, 4, 5);
                        assertArrayEquals(expected(5, 4, 7, DmPixelType.UINT16), whole, what);
                        for (int[] t : new int[][] {{1, 1}, {3, 2}, {2, 3}, {4, 1}, {1, 5}}) {
                            assertArrayEquals(whole, Tiles.readAll(r, t[0], t[1]), what + " tile " + t[0] + "x" + t[1]);
                        }
                        DmAcquisition a = ((DmReader) r).acquisition();
                        assertEquals(0.25, a.exposureS(), 0.0);
                        assertEquals(1.0, a.integrationTimeS(), 0.0);
                        assertEquals(21.5, a.convergenceMrad(), 0.0);
                        assertEquals(35.0, a.collectionMrad(), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void everyPixelType() throws IOException {
        for (DmPixelType t : DmPixelType.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                Path p = dir.resolve("t_" + t + order + ".dm4");
                Files.write(p, DmFixtures.spectrumImage(4, order, 3, 2, 6, t, false));
                try (SpectrumImageReader r = Formats.open(new LocalInputFile(p))) {
                    assertEquals(t.numpyName(), r.header().dataType());
                    assertArrayEquals(expected(3, 2, 6, t), Tiles.readAll(r, 2, 2), t + " " + order);
                }
            }
        }
    }

    @Test
    void unsignedValuesAboveTheSignedRange() throws IOException {
        double[][] cases = {{250, 255}, {40000, 65535}, {3.0e9, 4294967295.0}};
        DmPixelType[] types = {DmPixelType.UINT8, DmPixelType.UINT16, DmPixelType.UINT32};
        for (int i = 0; i < types.length; i++) {
            Path p = dir.resolve("u" + i + ".dm3");
            Files.write(p, DmFixtures.file(3, ByteOrder.BIG_ENDIAN, types[i], cases[i], new long[] {2},
                    new String[] {"eV"}, 0));
            try (SpectrumImageReader r = Formats.open(new LocalInputFile(p))) {
                float[] s = Tiles.readAll(r, 1, 1);
                assertEquals((float) cases[i][0], s[0], types[i].toString());
                assertEquals((float) cases[i][1], s[1], types[i].toString());
            }
        }
    }

    @Test
    void lineScanAndSingleSpectrum() throws IOException {
        Path line = dir.resolve("line.dm4");
        Files.write(line, DmFixtures.lineScan(4, ByteOrder.LITTLE_ENDIAN, 6, 9, DmPixelType.FLOAT32));
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(line))) {
            assertEquals(1, r.header().ny());
            assertEquals(6, r.header().nx());
            assertEquals(9, r.header().channels());
            assertArrayEquals(expected(6, 1, 9, DmPixelType.FLOAT32), Tiles.readAll(r, 1, 4));
        }
        Path one = dir.resolve("one.dm3");
        Files.write(one, DmFixtures.spectrum(3, ByteOrder.LITTLE_ENDIAN, 11, DmPixelType.INT32));
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(one))) {
            assertEquals(1, r.header().ny());
            assertEquals(1, r.header().nx());
            assertEquals(-10.0, r.header().energy().offset(), 0.0);
            assertArrayEquals(expected(1, 1, 11, DmPixelType.INT32), Tiles.readAll(r, 1, 1));
        }
    }

    /** Every read path: several planes per read, one plane per read, and one read per (energy, row) run. */
    @Test
    void boundedReadsGiveTheSameCube() throws IOException {
        Path p = dir.resolve("big.dm4");
        Files.write(p, DmFixtures.spectrumImage(4, ByteOrder.LITTLE_ENDIAN, 64, 48, 20, DmPixelType.UINT16, false));
        LocalInputFile f = new LocalInputFile(p);
        float[] expected = expected(64, 48, 20, DmPixelType.UINT16);
        for (int readBytes : new int[] {DmReader.READ_BYTES, 64 * 48 * 2 * 3, 64 * 48 * 2, 100, 2}) {
            try (DmReader r = new DmReader(f, -1, "dm4", readBytes)) {
                assertArrayEquals(expected, Tiles.readAll(r, 7, 13), "read size " + readBytes);
            }
        }
        Path q = dir.resolve("bigfast.dm4");
        Files.write(q, DmFixtures.spectrumImage(4, ByteOrder.BIG_ENDIAN, 64, 48, 20, DmPixelType.UINT16, true));
        try (DmReader r = new DmReader(new LocalInputFile(q), -1, "dm4", 30)) {
            assertArrayEquals(expected, Tiles.readAll(r, 7, 13));
        }
    }

    @Test
    void imageOptionPicksAnEntry() throws IOException {
        Path p = dir.resolve("opt.dm3");
        Files.write(p, DmFixtures.spectrumImage(3, ByteOrder.LITTLE_ENDIAN, 2, 2, 3, DmPixelType.INT16, false));
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(p), ReaderOptions.parse(java.util.List.of("image=1")))) {
            assertEquals(3, r.header().channels());
        }
        assertTrue(Files.size(p) > 0);
    }

    static float[] expected(int nx, int ny, int ne, DmPixelType t) {
        float[] v = new float[nx * ny * ne];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                for (int e = 0; e < ne; e++) {
                    v[(y * nx + x) * ne + e] = (float) DmFixtures.value(x, y, e, t);
                }
            }
        }
        return v;
    }
}
