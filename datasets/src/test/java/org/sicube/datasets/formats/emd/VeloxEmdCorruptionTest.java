package org.sicube.datasets.formats.emd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Deliberately damaged copies of {@code fei_emd_si.emd} (16 × 16 pixels, 5 stated frames of which
 * the last is incomplete: 1273 pixel markers): each must fail with one InvalidInputException
 * naming the file and what is wrong, at open or at the first read.
 */
class VeloxEmdCorruptionTest {
    private static final String STREAM = "/Data/SpectrumStream/ca60be96f3d5453cb0cebe70ec2649ea/Data";

    @TempDir
    Path dir;

    private static byte[] original() throws IOException {
        return Files.readAllBytes(EmdFixtures.data(EmdFixtures.SI));
    }

    /** Writes {@code bytes} as a .emd file, opens and reads it whole, and returns the failure. */
    private InvalidInputException fails(byte[] bytes, String... options) throws IOException {
        Path f = dir.resolve("damaged.emd");
        Files.write(f, bytes);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            try (SpectrumImageReader r = EmdFixtures.open(f, options)) {
                EmdFixtures.whole(r);
            }
        });
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    private static byte[] replaceAll(byte[] b, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        assertEquals(f.length, t.length, "same-length edits keep the HDF5 structure intact");
        byte[] out = b.clone();
        int hits = 0;
        for (int i = 0; i + f.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
                hits++;
            }
        }
        assertTrue(hits > 0, from);
        return out;
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] b = original();
        for (int len : new int[] {0, 7, 100, 4096, b.length / 3, b.length / 2, b.length * 9 / 10}) {
            fails(Arrays.copyOf(b, len));
        }
    }

    @Test
    void damagedSuperblock() throws IOException {
        byte[] b = original();
        // signature, superblock version, size of offsets, base address, root object header address,
        // (version-0 superblock layout; the root entry's scratch pad at 72-95 is a cache jhdf rightly ignores)
        for (int at : new int[] {0, 3, 8, 13, 24, 64, 65, 66}) {
            byte[] m = b.clone();
            m[at] ^= (byte) 0xA5;
            try {
                fails(m);
            } catch (AssertionError e) {
                throw new AssertionError("superblock byte " + at + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void damagedMetadataJson() throws IOException {
        byte[] b = original();
        String msg = fails(replaceAll(b, "{\n    \"Core\"", "[\n    \"Core\"")).getMessage();
        assertTrue(msg.contains("Metadata") && msg.contains("JSON"), msg);
        msg = fails(replaceAll(b, "\"bincount\": \"4096\"", "\"bincount\": \"40x6\"")).getMessage();
        assertTrue(msg.contains("bincount"), msg);
        msg = fails(replaceAll(b, "\"Dispersion\": \"10\"", "\"Dispersion\": \"-1\"")).getMessage();
        assertTrue(msg.contains("Dispersion"), msg);
    }

    @Test
    void lyingSizes() throws IOException {
        byte[] b = original();
        // more channels than a uint16 stream can address, and channels the stream exceeds
        assertTrue(fails(replaceAll(b, "\"bincount\": \"4096\"", "\"bincount\": \"9e99\"")).getMessage().contains("bincount"));
        assertTrue(fails(replaceAll(b, "\"bincount\": \"4096\"", "\"bincount\": \"0100\"")).getMessage().contains("channel"));
        // a wider scan than the markers fill, and more stated frames than the stream holds
        assertTrue(fails(replaceAll(b, "\"width\": \"512\"", "\"width\": \"999\"")).getMessage().contains("markers"));
        assertTrue(fails(replaceAll(b, "\"endFramePosition\": \"5\"", "\"endFramePosition\": \"9\""))
                .getMessage().contains("markers"));
        assertTrue(fails(replaceAll(b, "\"endFramePosition\": \"5\"", "\"endFramePosition\": \"x\""))
                .getMessage().contains("endFramePosition"));
    }

    /** Flyback markers that do not match 16 × 16 pixels × 5 frames, and a channel beyond bincount. */
    @Test
    void streamMarkersDoNotMatchTheScan() throws IOException {
        byte[] b = original();
        int[] stream = streamValues();
        int at = offsetOf(b, stream);
        // 10 counts turned into markers: 1283 markers, more than 5 × 256
        byte[] extra = b.clone();
        int changed = 0;
        for (int i = 0; i < stream.length && changed < 10; i++) {
            if (stream[i] != 0xFFFF) {
                putU16(extra, at + 2 * i, 0xFFFF);
                changed++;
            }
        }
        assertTrue(fails(extra).getMessage().contains("marker"));
        // 300 markers turned into counts: 973 markers, fewer than the 4 complete frames stated
        byte[] fewer = b.clone();
        changed = 0;
        for (int i = 0; i < stream.length && changed < 300; i++) {
            if (stream[i] == 0xFFFF) {
                putU16(fewer, at + 2 * i, 7);
                changed++;
            }
        }
        assertTrue(fails(fewer).getMessage().contains("markers"));
        byte[] channel = b.clone();
        int i = 0;
        while (stream[i] == 0xFFFF) {
            i++;
        }
        putU16(channel, at + 2 * i, 5000);
        String msg = fails(channel).getMessage();
        assertTrue(msg.contains("position " + i) && msg.contains("5000"), msg);
    }

    private static int[] streamValues() {
        try (HdfFile h = new HdfFile(EmdFixtures.data(EmdFixtures.SI))) {
            int[][] v = (int[][]) h.getDatasetByPath(STREAM).getData();
            return Arrays.stream(v).mapToInt(r -> r[0]).toArray();
        }
    }

    /** Where the (unfiltered, little-endian) stream's first 256 values lie in the file. */
    private static int offsetOf(byte[] file, int[] stream) {
        ByteBuffer probe = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 256; i++) {
            probe.putShort((short) stream[i]);
        }
        byte[] p = probe.array();
        for (int i = 0; i + p.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + p.length, p, 0, p.length)) {
                return i;
            }
        }
        throw new AssertionError("stream bytes not found");
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }
}
