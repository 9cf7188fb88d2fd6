package org.sicube.datasets.formats.jeol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.formats.Tiles;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.io.LocalInputFile;

/** Damaged and inconsistent .pts files end in one-line errors naming the file and the problem. */
class PtsCorruptionTest {
    @TempDir
    Path dir;

    private LocalInputFile write(String name, byte[] b) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, b);
        return new LocalInputFile(p);
    }

    private InvalidInputException fails(LocalInputFile f, String... options) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            try (SpectrumImageReader r = Formats.open(f, ReaderOptions.parse(List.of(options)))) {
                r.readBlock(0, 0, 1, 1);
            }
        });
        assertTrue(e.getMessage().contains(f.name()) || e.getMessage().startsWith("reader option"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void validPrefixReadsItsCompleteFrames() throws IOException {
        LocalInputFile f = write("prefix.pts", PtsFixtures.validPrefix(16384 + 300_000));
        try (SpectrumImageReader r = Formats.open(f, ReaderOptions.parse(List.of("bin=8", "ebin=8")))) {
            PtsReader pts = (PtsReader) r;
            assertEquals(4, pts.frameCount());
            // Three complete frames (22355 + 21975 + 22038 counts); the interrupted fourth is left out.
            assertEquals(66368.0, Tiles.sum(Tiles.readAll(r, 64, 64)), 0.0);
        }
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] all = PtsFixtures.validPrefix(16384 + 300_000);
        String m = fails(write("cut.pts", Arrays.copyOf(all, 200_000))).getMessage();
        assertTrue(m.contains("truncated"), m);
        fails(write("cut2.pts", Arrays.copyOf(all, 5000)));
        fails(write("cut3.pts", Arrays.copyOf(all, 20)));
    }

    @Test
    void flippedMagicAndLyingOffsets() throws IOException {
        byte[] good = PtsFixtures.validPrefix(16384 + 100_000);
        byte[] magic = good.clone();
        magic[0] ^= 0x40;
        assertTrue(fails(write("magic.pts", magic)).getMessage().contains("first bytes do not match"));
        byte[] dataPos = good.clone();
        ByteBuffer.wrap(dataPos).order(ByteOrder.LITTLE_ENDIAN).putInt(28, Integer.MAX_VALUE);
        assertTrue(fails(write("datapos.pts", dataPos)).getMessage().contains("inconsistent"));
        byte[] treePos = good.clone();
        ByteBuffer.wrap(treePos).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 16000);
        fails(write("treepos.pts", treePos));
        byte[] dataLen = good.clone();
        ByteBuffer.wrap(dataLen).order(ByteOrder.LITTLE_ENDIAN).putInt(32, -1);
        assertTrue(fails(write("datalen.pts", dataLen)).getMessage().contains("truncated"));
    }

    @Test
    void badParameterValues() throws IOException {
        byte[] good = PtsFixtures.validPrefix(16384 + 100_000);
        byte[] pattern = ("Pixels\0\f\0\0\0\b\0\0\0" + "512x512").getBytes(StandardCharsets.ISO_8859_1);
        int at = PtsFixtures.indexOf(good, pattern);
        assertTrue(at > 0);
        byte[] pixels = good.clone();
        pixels[at + pattern.length - 5] = 'z';
        assertTrue(fails(write("pixels.pts", pixels)).getMessage().contains("Meas Cond/Pixels"));
        byte[] name = good.clone();
        byte[] coef = "CoefA".getBytes(StandardCharsets.ISO_8859_1);
        int c = PtsFixtures.indexOf(name, coef);
        name[c + 4] = 'Z';
        assertTrue(fails(write("coef.pts", name)).getMessage().contains("Doc/CoefA"));
        byte[] len = good.clone();
        ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).putInt(c - 4, 1 << 30);
        assertTrue(fails(write("namelen.pts", len)).getMessage().contains("runs past the header"));
    }

    @Test
    void badOptions() throws IOException {
        LocalInputFile f = write("ok.pts", PtsFixtures.validPrefix(16384 + 100_000));
        assertTrue(fails(f, "bin=3").getMessage().contains("bin=3"));
        assertTrue(fails(f, "ebin=3").getMessage().contains("ebin=3"));
        assertTrue(fails(f, "channels=5000").getMessage().contains("channels=5000"));
        assertTrue(fails(f, "frames=9").getMessage().contains("frames=9"));
        assertTrue(fails(f, "frames=a-b").getMessage().contains("frames"));
        assertTrue(fails(f, "binning=2").getMessage().contains("binning"));
    }
}
