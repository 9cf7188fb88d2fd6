package org.sicube.datasets.formats;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.jeol.PtsFixtures;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.io.LocalInputFile;

/**
 * Mutated copies of small DM and .pts files (fixed seed): each either reads or fails with an
 * {@link InvalidInputException} naming the file, within a per-file time limit; never another exception,
 * an OutOfMemoryError or a hang.
 */
class FormatFuzzTest {
    private static final long SEED = 20240611L;

    @TempDir
    Path dir;

    @Test
    void dm3RealSpectrum() throws Exception {
        byte[] b = Files.readAllBytes(Path.of(System.getProperty("sicube.shared"), "data", "test-EELS_spectrum.dm3"));
        // Tag-rich regions: before the thumbnail's pixels and after them.
        fuzz("eels.dm3", b, 500, new int[] {0, 3691, 304747, b.length}, List.of());
    }

    @Test
    void dm4GeneratedSpectrumImage() throws Exception {
        byte[] b = org.sicube.datasets.formats.dm.DmFixturesAccess.smallDm4();
        fuzz("si.dm4", b, 500, new int[] {0, b.length}, List.of());
    }

    @Test
    void ptsPrefix() throws Exception {
        byte[] b = PtsFixtures.validPrefix(16384 + 120_000);
        fuzz("prefix.pts", b, 600, new int[] {0, 16384, 16384, b.length}, List.of("bin=8", "ebin=16"));
    }

    /** {@code regions} holds pairs [from, to) where mutations land, half of them in the first pair. */
    private void fuzz(String name, byte[] original, int copies, int[] regions, List<String> options) throws Exception {
        Random rnd = new Random(SEED ^ name.hashCode());
        int ok = 0;
        int rejected = 0;
        for (int i = 0; i < copies; i++) {
            byte[] m = mutate(original, rnd, regions);
            Path p = dir.resolve(i + "-" + name);
            Files.write(p, m);
            String what = "mutant " + i + " of " + name;
            boolean read = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> readOrReject(p, options, what), what);
            ok += read ? 1 : 0;
            rejected += read ? 0 : 1;
            Files.delete(p);
        }
        System.out.println("{\"what\":\"fuzz " + name + "\",\"read\":" + ok + ",\"rejected\":" + rejected + "}");
        assertTrue(ok + rejected == copies);
    }

    private static boolean readOrReject(Path p, List<String> options, String what) {
        LocalInputFile f = new LocalInputFile(p);
        try (SpectrumImageReader r = Formats.open(f, ReaderOptions.parse(options))) {
            int ny = r.header().ny();
            int nx = r.header().nx();
            r.readBlock(0, 0, Math.min(ny, 16), Math.min(nx, 16));
            r.readBlock(ny - 1, nx - 1, 1, 1);
            return true;
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage().contains(f.name()), what + ": message does not name the file: " + e.getMessage());
            return false;
        } catch (IOException | RuntimeException | Error e) {
            fail(what + ": " + e, e);
            return false;
        }
    }

    private static byte[] mutate(byte[] original, Random rnd, int[] regions) {
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            return Arrays.copyOf(original, rnd.nextInt(original.length));
        }
        byte[] m = original.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int pair = rnd.nextBoolean() ? 0 : 2 * rnd.nextInt(regions.length / 2);
            int from = regions[pair];
            int to = regions[pair + 1];
            int at = from + rnd.nextInt(Math.max(1, to - from));
            if (kind <= 3 && at + 4 <= m.length) {
                // A 4-byte size or offset set to an extreme value, in either byte order.
                int[] extremes = {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 1 << 30, rnd.nextInt()};
                int v = extremes[rnd.nextInt(extremes.length)];
                for (int k = 0; k < 4; k++) {
                    m[at + k] = (byte) (rnd.nextBoolean() ? v >>> (24 - 8 * k) : v >>> (8 * k));
                }
            } else if (at < m.length) {
                m[at] = (byte) rnd.nextInt(256);
            }
        }
        return m;
    }
}
