package org.sicube.datasets.formats.bcf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.model.PixelBlock;

/**
 * Twin check: the same measurements written by HyperSpy to other formats ({@code derived/}) hold
 * exactly the counts this reader decodes, pixel by pixel and channel by channel.
 */
class BcfTwinTest {

    private static Path derived(String name) {
        return Path.of(System.getProperty("sicube.shared"), "data", "derived", name);
    }

    @Test
    void compressedInstructivelyPackedEqualsHspy() throws IOException {
        float[] expected;
        try (HdfFile h5 = new HdfFile(derived("rock_30x30.hspy"))) {
            Group experiments = (Group) h5.getChild("Experiments");
            Node title = experiments.getChildren().values().iterator().next();
            Dataset data = (Dataset) ((Group) title).getChild("data");
            assertArrayEquals(new int[] {30, 30, 2048}, data.getDimensions());
            expected = flatten(data.getData(), 30 * 30 * 2048);
        }
        assertSameCounts("30x30_instructively_packed_16bit_compressed.bcf", expected, 18_621_362);
    }

    @Test
    void pulseListFileEqualsNpy() throws IOException {
        byte[] npy = Files.readAllBytes(derived("sem_eds_75x100.npy"));
        assertEquals("\u0093NUMPY", new String(npy, 0, 6, StandardCharsets.ISO_8859_1));
        assertEquals(1, npy[6], "format version 1.0: 2-byte header length");
        int headerLen = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        String dict = new String(npy, 10, headerLen, StandardCharsets.ISO_8859_1);
        assertTrue(dict.contains("'descr': '|u1'") && dict.contains("'fortran_order': False")
                && dict.contains("'shape': (75, 100, 2048)"), dict);
        int start = 10 + headerLen;
        float[] expected = new float[75 * 100 * 2048];
        assertEquals(start + expected.length, npy.length);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = npy[start + i] & 0xFF;
        }
        assertSameCounts("P45_the_default_job.bcf", expected, 165_941);
    }

    private static void assertSameCounts(String bcf, float[] expected, double total) throws IOException {
        try (BcfReader r = BcfReader.open(BcfReaderTest.data(bcf), org.sicube.datasets.formats.ReaderOptions.NONE)) {
            PixelBlock all = r.readBlock(0, 0, r.header().ny(), r.header().nx());
            assertEquals(total, all.totalCounts(), 0.0);
            float[] got = all.counts();
            for (int i = 0; i < got.length; i++) {
                if (got[i] != expected[i]) {
                    int e = r.header().channels();
                    int pixel = i / e;
                    throw new AssertionError("pixel (y=" + pixel / r.header().nx() + ", x=" + pixel % r.header().nx()
                            + ") channel " + i % e + ": read " + got[i] + ", twin holds " + expected[i]);
                }
            }
        }
    }

    /** Any rectangular Java array of numbers from jhdf, flattened in C order. */
    private static float[] flatten(Object array, int n) {
        float[] out = new float[n];
        int[] next = {0};
        fill(array, out, next);
        assertEquals(n, next[0]);
        return out;
    }

    private static void fill(Object a, float[] out, int[] next) {
        if (a instanceof short[] s) {
            for (short v : s) {
                out[next[0]++] = v & 0xFFFF;
            }
        } else if (a instanceof int[] s) {
            for (int v : s) {
                out[next[0]++] = v;
            }
        } else if (a instanceof long[] s) {
            for (long v : s) {
                out[next[0]++] = v;
            }
        } else {
            for (int i = 0; i < Array.getLength(a); i++) {
                fill(Array.get(a, i), out, next);
            }
        }
    }
}
