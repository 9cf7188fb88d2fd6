package org.sicube.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.phasemap.LabelParquet;
import org.sicube.jobs.testing.Agreement;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.RunFiles;

/**
 * The accuracy the pipeline promises, on synthetic EDS with ground truth (four phases differing by
 * well over 10 at.%, mean 200 counts per pixel, 2048 channels of 10 eV): the phase map's adjusted
 * Rand index against the true labels ≥ 0.99 and the NMF spectra's cosine with the true phase
 * spectra ≥ 0.99. 320 × 320 = 102 400 spectra in every build; 10^6 with {@code -Dsicube.nightly=true}.
 */
class PipelineAccuracyTest {
    private static final int CHANNELS = 2048;
    private static final int PHASES = 4;

    @Test
    void phaseMapAndNmfAtOneHundredThousandSpectra(@TempDir Path dir) throws Exception {
        check(dir, 320);
    }

    @Test
    @EnabledIfSystemProperty(named = "sicube.nightly", matches = "true")
    void phaseMapAndNmfAtOneMillionSpectra(@TempDir Path dir) throws Exception {
        check(dir, 1000);
    }

    private static void check(Path dir, int n) throws Exception {
        String store = dir.resolve("store").toString();
        JobRun s = JobRun.of("synthesize", "--size", n + "x" + n, "--channels", "" + CHANNELS,
                "--rare-inclusions", "0", "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        Path run = dir.resolve("run");
        long t = System.nanoTime();
        JobRun p = JobRun.of("pipeline", "--input", store, "--output", run.toString(), "--nmf", "" + PHASES);
        assertEquals(0, p.exitCode(), p.err());
        double seconds = (System.nanoTime() - t) / 1e9;

        int[] truth = RunFiles.readUint8Npy(Path.of(store, "truth", "labels.npy"), n * n);
        int[] found = RunFiles.readLabels(run.resolve(LabelParquet.DIR), n, n);
        double ari = Agreement.adjustedRandIndex(truth, found);
        double[] cosines = Agreement.matchedCosines(
                RunFiles.readColumns(Path.of(store, "truth", "phase_spectra.csv"), PHASES, CHANNELS),
                RunFiles.readColumns(run.resolve("nmf_spectra.csv"), PHASES, CHANNELS));
        System.out.printf(Locale.ROOT, "pipeline %dx%d: %.1f s, adjusted Rand index %.5f, NMF cosines %s%n", n, n,
                seconds, ari, Arrays.toString(cosines));
        assertTrue(p.out().contains("P = " + PHASES + ":"), "the silhouette criterion finds the four phases: " + p.out());
        assertTrue(ari >= 0.99, "ARI " + ari);
        for (double c : cosines) {
            assertTrue(c >= 0.99, "NMF cosines " + Arrays.toString(cosines));
        }
    }
}
