package org.sicube.datasets.formats.ripple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.formats.raw.AxisOrder;
import org.sicube.datasets.formats.raw.SampleType;
import org.sicube.datasets.formats.raw.TestCubes;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

class RippleFormatTest {
    private static final Path DERIVED = Path.of(System.getProperty("sicube.shared"), "data", "derived");

    @TempDir
    Path dir;

    /** velox_superx_20f.rpl/.raw: the 20-frame SuperX Velox map; shape, axis and total from data/REFERENCE.md. */
    @Test
    void readsTheMeasuredVeloxMapWithReferenceShapeAxisAndTotal() throws Exception {
        LocalInputFile rpl = new LocalInputFile(DERIVED.resolve("velox_superx_20f.rpl"));
        assertInstanceOf(RippleFormat.class, Formats.choose(rpl));
        try (SpectrumImageReader r = Formats.open(rpl)) {
            SpectrumImage h = r.header();
            assertEquals(50, h.ny());
            assertEquals(10, h.nx());
            assertEquals(4096, h.channels());
            assertEquals(-1.0, h.energy().offset(), 0);
            assertEquals(0.005, h.energy().scale(), 0);
            assertEquals("keV", h.energy().units());
            assertEquals("uint16", h.dataType());
            assertEquals("EDS_TEM", h.signalType());
            assertEquals(1.2340096287454219, h.pixelSize(), 0);
            assertEquals("nm", h.pixelUnits());
            // Blocks of 7 x 3 cross both image edges; integer counts sum exactly in double.
            double total = 0;
            for (int y0 = 0; y0 < 50; y0 += 7) {
                for (int x0 = 0; x0 < 10; x0 += 3) {
                    total += r.readBlock(y0, x0, Math.min(7, 50 - y0), Math.min(3, 10 - x0)).totalCounts();
                }
            }
            assertEquals(1_529_219, total, 0);
            PixelBlock whole = r.readBlock(0, 0, 50, 10);
            assertEquals(1_529_219, whole.totalCounts(), 0);
        }
    }

    private Path writePair(String rplText, byte[] raw) throws Exception {
        Path rpl = dir.resolve("cube.rpl");
        Files.writeString(rpl, rplText);
        if (raw != null) {
            Files.write(dir.resolve("cube.raw"), raw);
        }
        return rpl;
    }

    private static String rpl(int ny, int nx, int ch, String type, int len, String order, String recordBy, String extra) {
        return "; written by a test\nkey\tvalue\nwidth\t" + nx + "\nheight\t" + ny + "\ndepth\t" + ch
                + "\noffset\t0\ndata-length\t" + len + "\ndata-type\t" + type + "\nbyte-order\t" + order
                + "\nrecord-by\t" + recordBy + "\n" + extra;
    }

    @Test
    void imageOrderedBigEndianSignedCubeReadsExactly() throws Exception {
        byte[] raw = TestCubes.encode(5, 4, 3, SampleType.INT16, ByteOrder.BIG_ENDIAN, AxisOrder.E_Y_X);
        Path p = writePair(rpl(5, 4, 3, "signed", 2, "big-endian", "image", "ev-per-chan\t10\n"), raw);
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(p))) {
            assertEquals(60, TestCubes.checkAllTiles(r, SampleType.INT16, 2, 3));
            assertEquals(10.0, r.header().energy().scale(), 0);
            assertEquals("eV", r.header().energy().units());
        }
    }

    @Test
    void vectorFloatCubeUsesTheEnergyAxisOptionsOverTheFile() throws Exception {
        byte[] raw = TestCubes.encode(3, 2, 8, SampleType.FLOAT64, ByteOrder.LITTLE_ENDIAN, AxisOrder.Y_X_E);
        Path p = writePair(rpl(3, 2, 8, "FLOAT", 8, "little-endian", "Vector", "depth-scale\t0.3\n"), raw);
        ReaderOptions o = ReaderOptions.parse(java.util.List.of("energy-offset=100", "energy-units=eV"));
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(p), o)) {
            assertEquals(48, TestCubes.checkAllTiles(r, SampleType.FLOAT64, 2, 2));
            assertEquals(100.0, r.header().energy().offset(), 0);
            assertEquals(0.3, r.header().energy().scale(), 0);
        }
    }

    @Test
    void badHeadersNameTheFileAndTheKey() throws Exception {
        byte[] raw = new byte[60];
        assertMessage(rpl(5, 4, 3, "unsigned", 1, "dont-care", "vector", ""), null, "cube.raw");
        assertMessage(rpl(5, 4, 3, "unsigned", 1, "dont-care", "vector", ""), new byte[59], "59 bytes");
        assertMessage(rpl(5, 4, 3, "unsigned", 3, "dont-care", "vector", ""), raw, "data-length");
        assertMessage(rpl(5, 4, 3, "float", 2, "little-endian", "vector", ""), raw, "data-type");
        assertMessage(rpl(5, 4, 3, "unsigned", 2, "dont-care", "vector", ""), raw, "byte-order");
        assertMessage(rpl(5, 4, 3, "unsigned", 1, "dont-care", "dont-care", ""), raw, "record-by");
        assertMessage(rpl(5, -4, 3, "unsigned", 1, "dont-care", "vector", ""), raw, "width");
        assertMessage(rpl(5, 4, 3, "unsigned", 1, "dont-care", "vector", "").replace("height", "heigth"), raw, "'height'");
        assertMessage(rpl(5, 4, 3, "unsigned", 1, "dont-care", "vector", "width\t4\n"), raw, "twice");
        assertMessage(rpl(5, 4, 3, "unsigned", 1, "dont-care", "vector", "depth-scale\tabc\n"), raw, "depth-scale");
        assertMessage(rpl(5, 4, 3, "unsigned", 1, "dont-care", "vector", "depth-scale\t-1\n"), raw, "scale");
        // Shape fields near 2^31 must be refused by the length check, not by an allocation.
        assertMessage(rpl(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, "float", 8, "little-endian",
                "vector", ""), raw, "truncated");
    }

    private void assertMessage(String rplText, byte[] raw, String expected) throws Exception {
        Files.deleteIfExists(dir.resolve("cube.raw"));
        Path p = writePair(rplText, raw);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Formats.open(new LocalInputFile(p)).close());
        assertTrue(e.getMessage().contains("cube.r") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void binaryFileNamedRplIsNotTakenForAParameterList() {
        assertTrue(new RippleFormat().matchesMagic("key\tvalue\r\nwidth\t3\n".getBytes()));
        assertTrue(!new RippleFormat().matchesMagic(new byte[] {'w', 0, 1}));
    }
}
