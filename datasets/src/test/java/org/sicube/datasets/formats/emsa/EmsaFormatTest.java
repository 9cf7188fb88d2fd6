package org.sicube.datasets.formats.emsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

class EmsaFormatTest {
    private static final Path DERIVED = Path.of(System.getProperty("sicube.shared"), "data", "derived");
    private static final String HEADER = """
            #FORMAT      : EMSA/MAS Spectral Data File
            #VERSION     : 1.0
            #TITLE       : test spectrum
            #DATE        : 07-JUL-1998
            #TIME        : 18:49
            #OWNER       :
            #NPOINTS     : %s
            #NCOLUMNS    : 5.
            #XUNITS      : %s
            #YUNITS      : counts
            #DATATYPE    : %s
            #XPERCHAN    : %s
            #OFFSET      : %s
            #SIGNALTYPE  : EDS
            #BEAMKV   -kV: 200.0
            #LIVETIME  -s: 50.5
            #REALTIME  -s: 60.25
            #EDSDET      : SDBEW
            #SPECTRUM    : Spectrum Data Starts Here
            """;

    @TempDir
    Path dir;

    private SpectrumImageReader open(String text) throws Exception {
        Path p = dir.resolve("s.msa");
        Files.writeString(p, text);
        return Formats.open(new LocalInputFile(p));
    }

    @Test
    void yDataWithUnitsInKeywordsReadsAxisMetadataAndCounts() throws Exception {
        String text = String.format(Locale.ROOT, HEADER, "7.", "eV", "Y", "10.0", "-100.0")
                + "1, 2, 3, 4, 5,\n 6.5  -7\n#ENDOFDATA   :\n";
        try (SpectrumImageReader r = open(text)) {
            SpectrumImage h = r.header();
            assertEquals(1, h.ny());
            assertEquals(1, h.nx());
            assertEquals(7, h.channels());
            assertEquals(-100.0, h.energy().offset(), 0);
            assertEquals(10.0, h.energy().scale(), 0);
            assertEquals("eV", h.energy().units());
            assertEquals(200.0, h.beamEnergyKeV(), 0);
            assertEquals(50.5, h.liveTimeS(), 0);
            assertEquals(60.25, h.realTimeS(), 0);
            assertEquals("EDS", h.signalType());
            assertEquals("SDBEW", h.detector());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6.5f, -7}, r.readBlock(0, 0, 1, 1).counts());
            assertThrows(IllegalArgumentException.class, () -> r.readBlock(0, 0, 1, 2));
        }
    }

    @Test
    void xyDataKeepsTheCountColumn() throws Exception {
        String text = String.format(Locale.ROOT, HEADER, "3", "keV", "XY", "0.01", "0.5")
                + "0.50, 11\n0.51, 12\n0.52, 13\n#ENDOFDATA :\n";
        try (SpectrumImageReader r = open("\uFEFF" + text)) {
            assertEquals("keV", r.header().energy().units());
            assertArrayEquals(new float[] {11, 12, 13}, r.readBlock(0, 0, 1, 1).counts());
        }
    }

    /** A measured spectrum (one pixel of the Velox SuperX map, via its Ripple copy) survives the text round trip. */
    @Test
    void measuredSpectrumWrittenAsEmsaReadsBackExactly() throws Exception {
        PixelBlock pixel;
        try (SpectrumImageReader rpl = Formats.open(new LocalInputFile(DERIVED.resolve("velox_superx_20f.rpl")))) {
            pixel = rpl.readBlock(17, 4, 1, 1);
        }
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < pixel.channels(); i++) {
            data.append((int) pixel.counts()[i]).append(i % 5 == 4 ? ",\n" : ", ");
        }
        String text = String.format(Locale.ROOT, HEADER, "4096", "keV", "Y", "0.005", "-1.0") + data + "\n#ENDOFDATA :\n";
        try (SpectrumImageReader r = open(text)) {
            assertArrayEquals(pixel.counts(), r.readBlock(0, 0, 1, 1).counts());
            assertTrue(pixel.totalCounts() > 0);
        }
    }

    @Test
    void badFilesNameTheFileAndWhatIsWrong() {
        assertMessage(String.format(Locale.ROOT, HEADER, "7", "eV", "Y", "10", "0") + "1, 2, 3\n#ENDOFDATA :\n",
                "hold 3 values");
        assertMessage(String.format(Locale.ROOT, HEADER, "2", "eV", "Y", "10", "0") + "1, 2, 3\n", "more than");
        assertMessage(String.format(Locale.ROOT, HEADER, "2", "eV", "Y", "10", "0") + "1, x\n", "'x'");
        assertMessage(String.format(Locale.ROOT, HEADER, "1e12", "eV", "Y", "10", "0") + "1\n", "NPOINTS");
        assertMessage(String.format(Locale.ROOT, HEADER, "2.5", "eV", "Y", "10", "0") + "1\n", "NPOINTS");
        assertMessage(String.format(Locale.ROOT, HEADER, "1", "eV", "XYZ", "10", "0") + "1\n", "DATATYPE");
        assertMessage(String.format(Locale.ROOT, HEADER, "1", "eV", "Y", "ten", "0") + "1\n", "XPERCHAN");
        assertMessage(String.format(Locale.ROOT, HEADER, "1", "nm", "Y", "10", "0") + "1\n", "units");
        assertMessage("#FORMAT : EMSA/MAS Spectral Data File\n#NPOINTS : 3\n", "#SPECTRUM");
        assertMessage("#FORMAT : EMSA/MAS Spectral Data File\n1, 2\n", "line 2");
    }

    private void assertMessage(String text, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(text).close());
        assertTrue(e.getMessage().contains("s.msa") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void recognisedByTheFormatKeyword() {
        assertTrue(new EmsaFormat().matchesMagic("\uFEFF  #format : EMSA".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(new EmsaFormat().matchesMagic("#FORMAT      : EMSA/MAS Spectral Data File\n".getBytes()));
        assertTrue(!new EmsaFormat().matchesMagic("#TITLE : x\n".getBytes()));
    }
}
