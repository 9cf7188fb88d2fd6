package org.sicube.datasets.formats.emd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Mutation fuzzing of {@code fei_emd_si.emd} with a fixed seed: truncations, flipped bytes (half
 * of them in the first 8 KiB where the superblock, root group and object headers lie) and
 * overwritten ranges. Every copy must either read (a mutation in image pixels or padding is
 * harmless) or fail with a one-line InvalidInputException naming the file, within a per-copy
 * timeout; never another exception, an Error, or a hang.
 */
class VeloxEmdFuzzTest {
    private static final int CASES = 1500;
    private static final long SEED = 0x5EED_E3D;
    private static final long TIMEOUT_MS = 5000;

    @TempDir
    Path dir;

    @Test
    void mutatedCopiesFailCleanly() throws Exception {
        byte[] original = Files.readAllBytes(EmdFixtures.data(EmdFixtures.SI));
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<String> problems = new ArrayList<>();
        int rejected = 0;
        ExecutorService exec = newExecutor();
        long t0 = System.nanoTime();
        try {
            for (int c = 0; c < CASES && problems.size() < 10; c++) {
                Path f = dir.resolve("fuzz" + c + ".emd");
                String mutation = mutate(original, rnd, f);
                Future<?> run = exec.submit(() -> readWhole(f));
                try {
                    run.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    exec.shutdownNow();
                    exec = newExecutor();
                    problems.add("case " + c + " (" + mutation + "): no answer within " + TIMEOUT_MS + " ms");
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof InvalidInputException iie && iie.getMessage().contains(f.toString())
                            && !iie.getMessage().contains("\n")) {
                        rejected++;
                    } else {
                        problems.add("case " + c + " (" + mutation + "): " + cause);
                    }
                }
                Files.delete(f);
            }
        } finally {
            exec.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("emd fuzz: %d copies, %d rejected, %.1f s%n", CASES, rejected, seconds);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(rejected > CASES / 10, "too few mutations were detected: " + rejected);
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "emd-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    private static Void readWhole(Path f) throws Exception {
        try (SpectrumImageReader r = EmdFixtures.open(f)) {
            EmdFixtures.whole(r);
        }
        return null;
    }

    /** Writes a mutated copy to {@code f} and says what was done. */
    private static String mutate(byte[] original, SplittableRandom rnd, Path f) throws java.io.IOException {
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            int len = rnd.nextInt(original.length);
            Files.write(f, Arrays.copyOf(original, len));
            return "truncated to " + len;
        }
        byte[] b = original.clone();
        if (kind == 1) {
            int at = rnd.nextInt(b.length - 64);
            int n = 16 + rnd.nextInt(48);
            for (int i = 0; i < n; i++) {
                b[at + i] = (byte) rnd.nextInt(256);
            }
            Files.write(f, b);
            return n + " random bytes at " + at;
        }
        int flips = 1 + rnd.nextInt(8);
        int region = kind < 6 ? 8192 : b.length;
        StringBuilder where = new StringBuilder("flipped bytes at");
        for (int i = 0; i < flips; i++) {
            int at = rnd.nextInt(region);
            b[at] ^= (byte) (1 + rnd.nextInt(255));
            where.append(' ').append(at);
        }
        Files.write(f, b);
        return where.toString();
    }
}
