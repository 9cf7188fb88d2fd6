package org.sicube.jobs.phasemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.testing.HyperSpy;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;

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

        int[] truth = readUint8Npy(Path.of(store, "truth", "labels.npy"), NY * NX);
        long[] truthCounts = new long[5];
        for (int v : truth) {
            truthCounts[v]++;
        }
        System.out.println("true phase sizes " + java.util.Arrays.toString(truthCounts));
        assertEquals(0, truthCounts[4], "no rare phase");
        for (int k = 0; k < 4; k++) {
            assertTrue(truthCounts[k] > 0, "phase " + k + " present");
        }
        int[] found = readLabels(run.resolve(LabelParquet.DIR));
        double ari = adjustedRandIndex(truth, found);
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

    /** Labels from the Parquet dataset, placed at their blocks' positions; every pixel exactly once. */
    private static int[] readLabels(Path labels) {
        int[] map = new int[NY * NX];
        java.util.Arrays.fill(map, -1);
        for (Row r : TestSpark.get().read().parquet(labels.toString()).collectAsList()) {
            int y0 = r.getInt(0);
            int x0 = r.getInt(1);
            int h = r.getInt(2);
            int w = r.getInt(3);
            byte[] b = (byte[]) r.get(4);
            assertEquals(h * w, b.length);
            for (int i = 0; i < b.length; i++) {
                int at = (y0 + i / w) * NX + x0 + i % w;
                assertEquals(-1, map[at], "pixel labelled twice");
                map[at] = b[i] & 0xFF;
            }
        }
        for (int v : map) {
            assertTrue(v >= 0 && v < 255, "unlabelled pixel");
        }
        return map;
    }

    private static int[] readUint8Npy(Path npy, int n) throws Exception {
        byte[] all = Files.readAllBytes(npy);
        int headerLength = (all[8] & 0xFF) | (all[9] & 0xFF) << 8;
        assertTrue(new String(all, 10, headerLength, StandardCharsets.US_ASCII).contains("'|u1'"));
        assertEquals(10 + headerLength + n, all.length);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = all[10 + headerLength + i] & 0xFF;
        }
        return v;
    }

    /** Hubert and Arabie's adjusted Rand index from the contingency table of two labellings. */
    static double adjustedRandIndex(int[] a, int[] b) {
        int ka = java.util.Arrays.stream(a).max().orElse(0) + 1;
        int kb = java.util.Arrays.stream(b).max().orElse(0) + 1;
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double index = 0;
        for (long[] row : table) {
            for (long c : row) {
                index += pairs(c);
            }
        }
        double sumRows = 0;
        double sumCols = 0;
        for (long r : rows) {
            sumRows += pairs(r);
        }
        for (long c : cols) {
            sumCols += pairs(c);
        }
        double expected = sumRows * sumCols / pairs(a.length);
        double max = (sumRows + sumCols) / 2;
        return (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
