package org.sicube.jobs.phasemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.testing.Agreement;
import org.sicube.jobs.testing.HyperSpy;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.RunFiles;

/**
 * Phase maps of a synthetic EDS image with four phases (200 counts per pixel) against its ground
 * truth: the full-resolution labels agree with the true ones (adjusted Rand index), and
 * results.hspy opens in HyperSpy with its four signals.
 */
class PhaseMapJobTest {
    private static final int NY = 100;
    private static final int NX = 100;

    @Test
    void syntheticPhasesAreRecovered(@TempDir Path dir) throws Exception {
        String store = dir.resolve("store").toString();
        JobRun s = JobRun.of("synthesize", "--size", NY + "x" + NX, "--channels", "1024", "--energy-scale", "20",
                "--rare-inclusions", "0", "--feature-size", "24", "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        Path model = dir.resolve("model");
        JobRun d = JobRun.of("decompose", "--store", store, "--output", model.toString());
        assertEquals(0, d.exitCode(), d.err());
        Path run = dir.resolve("phases");
        JobRun p = JobRun.of("phasemap", "--store", store, "--model", model.toString(), "--output", run.toString());
        assertEquals(0, p.exitCode(), p.err());

        for (String f : List.of("phase_map.png", "phases.csv", "phase_spectra.csv", "phase_spectra.png",
                "results.hspy", "manifest.json")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        List<String> phases = Files.readAllLines(run.resolve("phases.csv"));
        assertEquals(5, phases.size(), phases.toString());
        assertEquals(NY * NX, phases.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1])).sum());

        int[] truth = RunFiles.readUint8Npy(Path.of(store, "truth", "labels.npy"), NY * NX);
        long[] truthCounts = new long[5];
        for (int v : truth) {
            truthCounts[v]++;
        }
        System.out.println("true phase sizes " + java.util.Arrays.toString(truthCounts));
        assertEquals(0, truthCounts[4], "no rare phase");
        for (int k = 0; k < 4; k++) {
            assertTrue(truthCounts[k] > 0, "phase " + k + " present");
        }
        int[] found = RunFiles.readLabels(run.resolve(LabelParquet.DIR), NY, NX);
        double ari = Agreement.adjustedRandIndex(truth, found);
        System.out.println("phasemap: adjusted Rand index " + ari + " against the true labels");
        assertTrue(ari >= 0.99, "ARI " + ari);
        assertTrue(p.out().contains("P = 4:"), p.out());

        String out = HyperSpy.run("import hyperspy.api as hs, sys\n"
                + "s = hs.load(sys.argv[1])\n"
                + "print(sorted((x.metadata.General.title, x.data.shape) for x in s))\n", run.resolve("results.hspy"));
        assertTrue(out.contains("('phase map', (100, 100))"), out);
        assertTrue(out.contains("('phase spectra', (4, 1024))"), out);
        assertTrue(out.contains("('loadings', ("), out);
        assertTrue(out.contains("('score maps', ("), out);
    }
}
