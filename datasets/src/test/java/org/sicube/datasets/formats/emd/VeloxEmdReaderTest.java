package org.sicube.datasets.formats.emd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sicube.datasets.formats.emd.EmdFixtures.data;
import static org.sicube.datasets.formats.emd.EmdFixtures.open;
import static org.sicube.datasets.formats.emd.EmdFixtures.sum;
import static org.sicube.datasets.formats.emd.EmdFixtures.tiled;
import static org.sicube.datasets.formats.emd.EmdFixtures.whole;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFiles;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

/**
 * The Velox reader on the three measured files against the reference shapes, axes and totals
 * (HyperSpy/RosettaSciIO, shared data REFERENCE.md). Counts are small integers summed in float32
 * per channel and in double overall, so totals are compared exactly; axes to 1e-12 (they are
 * ratios of integers written as decimal strings).
 */
class VeloxEmdReaderTest {

    private static void assertAxis(EnergyAxis a, double offset, double scale, String units, int size) {
        assertEquals(offset, a.offset(), 1e-12, "offset");
        assertEquals(scale, a.scale(), 1e-12, "scale");
        assertEquals(units, a.units());
        assertEquals(size, a.size());
    }

    @Test
    void superXStreamMatchesReference() throws IOException {
        try (SpectrumImageReader r = open(data(EmdFixtures.SUPERX))) {
            assertInstanceOf(VeloxEmdFormat.class, Formats.choose(InputFiles.of(data(EmdFixtures.SUPERX).toString())));
            SpectrumImage h = r.header();
            assertEquals(50, h.ny());
            assertEquals(10, h.nx());
            assertAxis(h.energy(), -1.0, 0.005, "keV", 4096);
            assertEquals(1_529_219, h.totalCounts());
            assertEquals(200.0, h.beamEnergyKeV(), 1e-9);
            assertEquals(1.234009628745422, h.pixelSize(), 1e-12);
            assertEquals("nm", h.pixelUnits());
            assertEquals(List.of("Nb"), h.elements());
            assertEquals("SuperXG2", h.detector());
            assertEquals("EDS_TEM", h.signalType());
            float[] all = whole(r);
            assertEquals(1_529_219, sum(all));
            assertArrayEquals(all, tiled(r, 7, 3));
            assertArrayEquals(all, tiled(r, 13, 4));
            SpectrumStreamReader s = (SpectrumStreamReader) r;
            assertEquals(20, s.frameCount());
            assertEquals("2017-03-21", s.acquisitionStart().orElseThrow().toString().substring(0, 10));
        }
    }

    /** The same measurement exported as a Ripple pair (uint16, little-endian, record-by vector). */
    @Test
    void superXEqualsItsRippleTwin() throws IOException {
        byte[] raw = Files.readAllBytes(data("derived/velox_superx_20f.raw"));
        String rpl = Files.readString(data("derived/velox_superx_20f.rpl"));
        assertTrue(rpl.matches("(?s).*record-by\\s+vector.*") && rpl.matches("(?s).*byte-order\\s+little-endian.*"), rpl);
        assertEquals(50 * 10 * 4096 * 2, raw.length);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        try (SpectrumImageReader r = open(data(EmdFixtures.SUPERX))) {
            float[] all = whole(r);
            for (int i = 0; i < all.length; i++) {
                int expected = b.getShort(2 * i) & 0xFFFF;
                if (all[i] != expected) {
                    int px = i / 4096;
                    throw new AssertionError("pixel (y=" + px / 10 + ", x=" + px % 10 + ") channel " + i % 4096
                            + ": emd " + all[i] + " vs raw " + expected);
                }
            }
        }
    }

    @Test
    void frameSelectionPartitionsTheSum() throws IOException {
        Path f = data(EmdFixtures.SUPERX);
        float[] all;
        try (SpectrumImageReader r = open(f)) {
            all = whole(r);
        }
        float[] parts = new float[all.length];
        double totals = 0;
        for (String range : List.of("0-9", "10-18", "19")) {
            try (SpectrumImageReader r = open(f, "frames=" + range)) {
                float[] p = tiled(r, 9, 4);
                assertEquals(r.header().totalCounts(), sum(p), range);
                totals += r.header().totalCounts();
                for (int i = 0; i < p.length; i++) {
                    parts[i] += p[i];
                }
            }
        }
        assertEquals(1_529_219, totals);
        assertArrayEquals(all, parts);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(f, "frames=0-20"));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("0-19"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> open(f, "frames=three"));
    }

    @Test
    void smallSiWithIncompleteLastFrame() throws IOException {
        try (SpectrumImageReader r = open(data(EmdFixtures.SI))) {
            SpectrumImage h = r.header();
            assertEquals(16, h.ny());
            assertEquals(16, h.nx());
            assertAxis(h.energy(), -1.0, 0.01, "keV", 4096);
            assertEquals(6564, h.totalCounts());
            assertEquals(5.3024148379916015, h.pixelSize(), 1e-12);
            float[] all = whole(r);
            assertEquals(6564, sum(all));
            assertArrayEquals(all, tiled(r, 5, 7));
            assertEquals(5, ((SpectrumStreamReader) r).frameCount());
        }
    }

    @Test
    void velox11EdsSumsSixDetectorStreams() throws IOException {
        Path f = data(EmdFixtures.EELS_EDS);
        float[] all;
        try (SpectrumImageReader r = open(f)) {
            SpectrumImage h = r.header();
            assertEquals(16, h.ny());
            assertEquals(20, h.nx());
            assertAxis(h.energy(), -0.2, 0.01, "keV", 4096);
            assertEquals(11_093, h.totalCounts());
            assertEquals(300.0, h.beamEnergyKeV(), 1e-9);
            assertEquals(158.65803795969113, h.pixelSize(), 1e-9);
            assertEquals("UltraX1+UltraX2+UltraX3+UltraX4+UltraX5+UltraX6", h.detector());
            all = whole(r);
            assertEquals(11_093, sum(all));
            assertArrayEquals(all, tiled(r, 3, 7));
        }
        float[] bySum = new float[all.length];
        long[] perDetector = {1156, 1674, 2330, 1921, 1913, 2099};
        for (int d = 0; d < 6; d++) {
            try (SpectrumImageReader r = open(f, "detector=UltraX" + (d + 1))) {
                assertEquals("UltraX" + (d + 1), r.header().detector());
                float[] one = tiled(r, 16, 6);
                assertEquals(perDetector[d], sum(one), "UltraX" + (d + 1));
                for (int i = 0; i < one.length; i++) {
                    bySum[i] += one[i];
                }
            }
        }
        assertArrayEquals(all, bySum);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(f, "detector=UltraX9"));
        assertTrue(e.getMessage().contains("UltraX6"), e.getMessage());
    }

    @Test
    void velox11EelsCubes() throws IOException {
        Path f = data(EmdFixtures.EELS_EDS);
        String[] names = {"EELSLL", "EELS480", "EELS800"};
        double[] offsets = {-21.5026, 480.00000000000006, 800};
        double[] totals = {65_540_456, 65_523_224, 65_521_751};
        for (int i = 0; i < 3; i++) {
            try (SpectrumImageReader r = open(f, "signal=" + names[i])) {
                SpectrumImage h = r.header();
                assertEquals(16, h.ny(), names[i]);
                assertEquals(20, h.nx(), names[i]);
                assertAxis(h.energy(), offsets[i], 0.1692, "eV", 2048);
                assertEquals("EELS", h.signalType());
                assertEquals(158.65803795969113, h.pixelSize(), 1e-9);
                float[] all = whole(r);
                assertEquals(totals[i], sum(all), names[i]);
                assertArrayEquals(all, tiled(r, 3, 7), names[i]);
            }
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(f, "signal=EELS"));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("EELS480")
                && e.getMessage().contains("0=EDS"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> open(f, "signal=EELS480", "frames=0"));
        try (SpectrumImageReader r = open(f, "signal=2")) {
            assertEquals(offsets[1], r.header().energy().offset(), 1e-12);
        }
        try (SpectrumImageReader r = open(f, "signal=eds")) {
            assertEquals(4096, r.header().channels());
        }
    }

    @Test
    void tilesOutsideTheImageAreCallerErrors() throws IOException {
        try (SpectrumImageReader r = open(data(EmdFixtures.SI))) {
            assertThrows(IllegalArgumentException.class, () -> r.readBlock(10, 10, 7, 7));
            assertThrows(IllegalArgumentException.class, () -> r.readBlock(-1, 0, 1, 1));
        }
    }
}
