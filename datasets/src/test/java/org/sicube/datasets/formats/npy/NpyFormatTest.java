package org.sicube.datasets.formats.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.sicube.datasets.model.SpectrumImage;

class NpyFormatTest {
    private static final Path DERIVED = Path.of(System.getProperty("sicube.shared"), "data", "derived");

    @TempDir
    Path dir;

    /** sem_eds_75x100.npy is P45_the_default_job.bcf; shape and total from data/README.md and REFERENCE.md. */
    @Test
    void readsTheMeasuredSemMapWithReferenceShapeAndTotal() throws Exception {
        LocalInputFile f = new LocalInputFile(DERIVED.resolve("sem_eds_75x100.npy"));
        assertInstanceOf(NpyFormat.class, Formats.choose(f));
        ReaderOptions axis = ReaderOptions.parse(List.of("energy-offset=-0.472397235", "energy-scale=0.010001",
                "energy-units=keV"));
        try (SpectrumImageReader r = Formats.open(f, axis)) {
            SpectrumImage h = r.header();
            assertEquals(75, h.ny());
            assertEquals(100, h.nx());
            assertEquals(2048, h.channels());
            assertEquals("uint8", h.dataType());
            assertEquals(-0.472397235, h.energy().offset(), 0);
            assertEquals(0.010001, h.energy().scale(), 0);
            assertEquals("keV", h.energy().units());
            double total = 0;
            for (int y0 = 0; y0 < 75; y0 += 32) {
                for (int x0 = 0; x0 < 100; x0 += 32) {
                    total += r.readBlock(y0, x0, Math.min(32, 75 - y0), Math.min(32, 100 - x0)).totalCounts();
                }
            }
            assertEquals(165_941, total, 0);
        }
    }

    @Test
    void withoutCalibrationChannelsAreElectronVolts() throws Exception {
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(DERIVED.resolve("sem_eds_75x100.npy")))) {
            assertEquals(0.0, r.header().energy().offset(), 0);
            assertEquals(1.0, r.header().energy().scale(), 0);
            assertEquals("eV", r.header().energy().units());
        }
    }

    /** Writes a .npy the way numpy.save does: magic, version, padded dict to a multiple of 64, data. */
    static byte[] npy(int major, String dict, byte[] data) {
        int lenBytes = major == 1 ? 2 : 4;
        int pre = 8 + lenBytes;
        StringBuilder h = new StringBuilder(dict);
        while ((pre + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        ByteBuffer b = ByteBuffer.allocate(pre + h.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length());
        } else {
            b.putInt(h.length());
        }
        b.put(h.toString().getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    private SpectrumImageReader open(byte[] bytes) throws Exception {
        Path p = dir.resolve("a.npy");
        Files.write(p, bytes);
        return Formats.open(new LocalInputFile(p));
    }

    @Test
    void fortranOrderBigEndianFloatsAndVersion2HeadersReadExactly() throws Exception {
        byte[] data = TestCubes.encode(4, 3, 5, SampleType.FLOAT32, ByteOrder.BIG_ENDIAN, AxisOrder.E_X_Y);
        String dict = "{'descr': '>f4', 'fortran_order': True, 'shape': (4, 3, 5), }";
        try (SpectrumImageReader r = open(npy(2, dict, data))) {
            assertEquals(60, TestCubes.checkAllTiles(r, SampleType.FLOAT32, 3, 2));
        }
    }

    @Test
    void twoAndOneDimensionalArraysAreARowOfSpectraAndOneSpectrum() throws Exception {
        byte[] row = TestCubes.encode(1, 6, 4, SampleType.INT32, ByteOrder.LITTLE_ENDIAN, AxisOrder.Y_X_E);
        try (SpectrumImageReader r = open(npy(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (6, 4), }", row))) {
            assertEquals(1, r.header().ny());
            assertEquals(6, r.header().nx());
            assertEquals(24, TestCubes.checkAllTiles(r, SampleType.INT32, 1, 4));
        }
        byte[] one = TestCubes.encode(1, 1, 9, SampleType.UINT16, ByteOrder.LITTLE_ENDIAN, AxisOrder.Y_X_E);
        try (SpectrumImageReader r = open(npy(1, "{'descr': '<u2', 'fortran_order': False, 'shape': (9,), }", one))) {
            assertEquals(9, r.header().channels());
            assertEquals(9, TestCubes.checkAllTiles(r, SampleType.UINT16, 1, 1));
        }
    }

    @Test
    void badFilesNameTheFileAndWhatIsWrong() throws Exception {
        byte[] data = new byte[24];
        assertMessage(npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (2, 3, 5), }", data), "truncated");
        assertMessage(npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (2, 3), }", data), "'descr'");
        assertMessage(npy(1, "{'descr': '<f2', 'fortran_order': False, 'shape': (2, 3), }", data), "'descr'");
        assertMessage(npy(1, "{'descr': [('a', '<u1')], 'fortran_order': False, 'shape': (2,), }", data), "'descr'");
        assertMessage(npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (1, 2, 3, 4), }", data), "'shape'");
        assertMessage(npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (0, 3), }", data), "'shape'");
        assertMessage(npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (), }", data), "'shape'");
        assertMessage(npy(1, "{'descr': '<u1', 'shape': (2, 3), }", data), "'fortran_order'");
        assertMessage(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, 2147483647), }",
                data), "truncated");
        byte[] badVersion = npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (2, 3), }", data);
        badVersion[6] = 7;
        assertMessage(badVersion, "version 7");
        byte[] longHeader = npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (2, 3), }", data);
        longHeader[8] = (byte) 0xFF;
        longHeader[9] = (byte) 0xFF;
        assertMessage(longHeader, "header length");
        ByteArrayOutputStream tiny = new ByteArrayOutputStream();
        tiny.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1});
        assertMessage(tiny.toByteArray(), "too short");
    }

    private void assertMessage(byte[] bytes, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(bytes).close());
        assertTrue(e.getMessage().contains("a.npy") && e.getMessage().contains(expected), e.getMessage());
    }
}
