package org.sicube.datasets.formats.bcf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Runs the reader over 2000 randomly damaged copies (fixed seed) of the smaller measured files:
 * byte flips (anywhere, or concentrated in the container header and file table), truncations,
 * inserted garbage and overwritten 32-bit fields. Each copy must either read completely or fail with
 * a one-line {@link InvalidInputException} naming the file, within 5 s.
 */
class BcfFuzzTest {
    private static final int CASES = 2000;
    private static final long SEED = 20240607L;
    private static final long TIMEOUT_MS = 5000;

    @Test
    void mutatedFilesReadOrFailCleanly() throws Exception {
        List<String> files = List.of("over16bit.bcf", "16x16_12bit_packed_8bit.bcf", "test_TEM.bcf",
                "30x30_instructively_packed_16bit_compressed.bcf");
        byte[][] originals = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            originals[i] = BcfCorruptionTest.original(files.get(i));
        }
        Random rnd = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bcf-fuzz");
            t.setDaemon(true);
            return t;
        });
        int rejected = 0;
        try {
            for (int n = 0; n < CASES; n++) {
                int which = n % files.size();
                byte[] mutated = mutate(originals[which], rnd);
                String location = "fuzz/" + n + "/" + files.get(which);
                Future<?> run = worker.submit(() -> {
                    BcfCorruptionTest.readAll(location, mutated);
                    return null;
                });
                try {
                    run.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    fail(location + ": reader did not finish within " + TIMEOUT_MS + " ms");
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (!(cause instanceof InvalidInputException)) {
                        throw new AssertionError(location + ": unexpected " + cause, cause);
                    }
                    String m = cause.getMessage();
                    assertTrue(m.startsWith(location + ":") && !m.contains("\n"), location + ": bad message: " + m);
                    rejected++;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        // Most random damage lands in data the reader cannot check (images, counts); it must still reject some.
        assertTrue(rejected > CASES / 10, "only " + rejected + " of " + CASES + " damaged copies were rejected");
    }

    private static byte[] mutate(byte[] f, Random rnd) {
        byte[] c = f.clone();
        switch (rnd.nextInt(5)) {
            case 0 -> { // a few flips anywhere
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                    c[rnd.nextInt(c.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
            }
            case 1 -> { // flips in the header, file table and first payload chunks
                int span = Math.min(c.length, 32 * 1024);
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                    c[rnd.nextInt(span)] ^= (byte) (1 + rnd.nextInt(255));
                }
            }
            case 2 -> c = Arrays.copyOf(c, rnd.nextInt(c.length));
            case 3 -> { // inserted garbage
                int at = rnd.nextInt(c.length);
                byte[] junk = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(junk);
                byte[] d = new byte[c.length + junk.length];
                System.arraycopy(c, 0, d, 0, at);
                System.arraycopy(junk, 0, d, at, junk.length);
                System.arraycopy(c, at, d, at + junk.length, c.length - at);
                c = d;
            }
            default -> { // an aligned 32-bit field overwritten with an extreme or random value
                int at = rnd.nextInt(c.length / 4) * 4;
                int v = switch (rnd.nextInt(4)) {
                    case 0 -> -1;
                    case 1 -> Integer.MAX_VALUE;
                    case 2 -> 0;
                    default -> rnd.nextInt();
                };
                for (int k = 0; k < 4 && at + k < c.length; k++) {
                    c[at + k] = (byte) (v >>> (8 * k));
                }
            }
        }
        return c;
    }
}
