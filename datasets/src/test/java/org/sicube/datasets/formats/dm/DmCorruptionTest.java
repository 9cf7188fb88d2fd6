package org.sicube.datasets.formats.dm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.io.LocalInputFile;

/** Damaged, inconsistent and unsupported DM files end in one-line errors naming the file and the problem. */
class DmCorruptionTest {
    @TempDir
    Path dir;

    private String fails(String name, byte[] bytes, String... options) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            try (SpectrumImageReader r = Formats.open(new LocalInputFile(p), ReaderOptions.parse(List.of(options)))) {
                r.readBlock(0, 0, 1, 1);
            }
        });
        assertTrue(e.getMessage().contains(name) || e.getMessage().startsWith("reader option"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static byte[] si(int version) {
        return DmFixtures.spectrumImage(version, ByteOrder.LITTLE_ENDIAN, 4, 3, 5, DmPixelType.UINT16, false);
    }

    @Test
    void truncatedAnywhere() throws IOException {
        for (int version : new int[] {3, 4}) {
            byte[] b = si(version);
            for (int cut : new int[] {10, 40, b.length / 3, b.length / 2, b.length - 20}) {
                String m = fails("cut" + cut + ".dm" + version, Arrays.copyOf(b, cut));
                assertTrue(m.contains("byte") || m.contains("first bytes"), m);
            }
        }
    }

    @Test
    void flippedHeaderBytes() throws IOException {
        byte[] version = si(3);
        version[3] = 5;
        assertTrue(fails("v.dm3", version).contains("first bytes do not match"));
        byte[] order = si(4);
        order[15] = 7;
        assertTrue(fails("o.dm4", order).contains("byte-order flag is 7"));
        byte[] delimiter = si(3);
        int at = indexOf(delimiter, "%%%%".getBytes());
        delimiter[at + 1] = '#';
        assertTrue(fails("d.dm3", delimiter).contains("%%%%"));
    }

    @Test
    void lyingSizes() throws IOException {
        byte[] big = DmFixtures.file(4, ByteOrder.BIG_ENDIAN, DmPixelType.UINT16, new double[60],
                new long[] {4, 3, 500}, new String[] {"nm", "nm", "eV"}, 2);
        assertTrue(fails("dims.dm4", big).contains("ImageData/Data holds 120 bytes"));
        DmTestWriter.Array lying = new DmTestWriter.Array(4, 1L << 40, new byte[16]);
        byte[] count = DmFixtures.file(4, ByteOrder.LITTLE_ENDIAN, 10, lying, new long[] {8}, new String[] {"eV"}, 0);
        assertTrue(fails("count.dm4", count).contains("more than the rest of the file"));
        byte[] neg = DmFixtures.file(3, ByteOrder.LITTLE_ENDIAN, DmPixelType.INT8, new double[4], new long[] {-4},
                new String[] {"eV"}, 0);
        assertTrue(fails("neg.dm3", neg).contains("dimension size"));
    }

    @Test
    void unsupportedContent() throws IOException {
        byte[] complex = DmFixtures.file(3, ByteOrder.LITTLE_ENDIAN, 3,
                DmFixtures.encode(DmPixelType.FLOAT32, new double[2 * 24], ByteOrder.LITTLE_ENDIAN),
                new long[] {2, 3, 4}, new String[] {"nm", "nm", "eV"}, 2);
        assertTrue(fails("complex.dm3", complex).contains("complex data (DataType 3)"));
        assertTrue(fails("rgb.dm3", si(3), "image=0").contains("RGB colour data (DataType 23)"));
        byte[] cl = DmFixtures.file(3, ByteOrder.LITTLE_ENDIAN, DmPixelType.FLOAT32, new double[8], new long[] {8},
                new String[] {"nm"}, 0);
        assertTrue(fails("cl.dm3", cl).contains("units 'nm'"));
        assertTrue(fails("opt.dm3", si(3), "image=7").contains("image=7"));
        assertTrue(fails("optneg.dm3", si(3), "image=-1").contains("image"));
    }

    static int indexOf(byte[] b, byte[] p) {
        outer:
        for (int i = 0; i + p.length <= b.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (b[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
