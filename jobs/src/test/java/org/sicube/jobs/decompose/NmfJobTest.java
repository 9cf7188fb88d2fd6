package org.sicube.jobs.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.testing.Agreement;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.RunFiles;

/**
 * {@code decompose --method nmf} on a synthetic EDS image of four phases (200 counts per pixel,
 * 10 % thickness variation, pure-phase grains): the component spectra match the true noiseless
 * phase spectra after the best matching, the result does not depend on the block size, and a
 * fixed reference spectrum read from an .msa file stays as given.
 */
class NmfJobTest {
    private static final int K = 4;
    private static final int CHANNELS = 1024;
    private static final int ITERATIONS = 12;

    @Test
    void syntheticPhaseSpectraAreRecoveredForAnyBlockSize(@TempDir Path dir) throws Exception {
        double[][][] found = new double[2][][];
        String[] blocks = {"32x32", "7x13"};
        String firstStore = null;
        for (int i = 0; i < 2; i++) {
            String store = dir.resolve("store" + i).toString();
            firstStore = i == 0 ? store : firstStore;
            JobRun s = JobRun.of("synthesize", "--size", "100x100", "--channels", "" + CHANNELS, "--energy-scale", "20",
                    "--rare-inclusions", "0", "--feature-size", "24", "--block", blocks[i], "--output", store);
            assertEquals(0, s.exitCode(), s.err());
            Path run = dir.resolve("nmf" + i);
            long t = System.nanoTime();
            JobRun r = JobRun.of("decompose", "--store", store, "--output", run.toString(), "--method", "nmf",
                    "--components", "" + K, "--iterations", "" + ITERATIONS, "--tolerance", "0");
            assertEquals(0, r.exitCode(), r.err());
            System.out.printf(Locale.ROOT, "nmf %s: %.1f s%n", blocks[i], (System.nanoTime() - t) / 1e9);
            assertTrue(r.out().contains("nmf: iteration " + ITERATIONS + " relative loss"), r.out());
            for (String f : List.of("nmf_spectra.csv", "nmf_spectra.png", "nmf_loss.csv", "nmf.json", "abundance_1.png",
                    "abundance_4.png", "manifest.json")) {
                assertTrue(Files.exists(run.resolve(f)), f);
            }
            List<String> loss = Files.readAllLines(run.resolve("nmf_loss.csv"));
            assertEquals(ITERATIONS + 1, loss.size());
            double first = Double.parseDouble(loss.get(1).split(",")[1]);
            double last = Double.parseDouble(loss.get(ITERATIONS).split(",")[1]);
            assertTrue(last <= first, "loss " + first + " -> " + last);
            found[i] = RunFiles.readColumns(run.resolve("nmf_spectra.csv"), K, CHANNELS);
        }
        double[][] truth = RunFiles.readColumns(Path.of(firstStore, "truth", "phase_spectra.csv"), K, CHANNELS);
        double[] cosines = Agreement.matchedCosines(truth, found[0]);
        System.out.println("nmf: cosine with the true phase spectra " + java.util.Arrays.toString(cosines));
        for (double c : cosines) {
            // 10⁴ pixels × 200 counts: the spectra are averages over thousands of pixels.
            assertTrue(c >= 0.99, "cosines " + java.util.Arrays.toString(cosines));
        }
        for (int k = 0; k < K; k++) {
            double scale = java.util.Arrays.stream(found[0][k]).max().orElseThrow();
            for (int e = 0; e < CHANNELS; e++) {
                assertEquals(found[0][k][e], found[1][k][e], 1e-9 * scale, "component " + k + " channel " + e);
            }
        }

        // The first true phase as a fixed standard, with closure: kept exactly up to its scale (the
        // mean counts of a pixel), float32 on reading and 6 significant digits in both csv files.
        Path msa = dir.resolve("phase0.msa");
        writeMsa(msa, truth[0], 0, 20);
        Path run = dir.resolve("fixed");
        JobRun r = JobRun.of("decompose", "--store", firstStore, "--output", run.toString(), "--method", "nmf",
                "--components", "" + K, "--fixed", msa.toString(), "--closure", "--iterations", "8");
        assertEquals(0, r.exitCode(), r.err());
        List<String> header = Files.readAllLines(run.resolve("nmf_spectra.csv"));
        assertTrue(header.get(0).contains("fixed_phase0"), header.get(0));
        double[][] withFixed = RunFiles.readColumns(run.resolve("nmf_spectra.csv"), K, CHANNELS);
        double sum = java.util.Arrays.stream(truth[0]).sum();
        double fixedSum = java.util.Arrays.stream(withFixed[0]).sum();
        // 200 counts per pixel at unit thickness, 10 % thickness variation: the mean pixel is near 200 counts.
        assertEquals(200, fixedSum, 20, "the fixed spectrum is scaled to the mean counts of a pixel");
        for (int e = 0; e < CHANNELS; e++) {
            assertEquals(truth[0][e] / sum, withFixed[0][e] / fixedSum, 2e-6 * Math.abs(truth[0][e] / sum) + 1e-30,
                    "channel " + e);
        }
        double[] c2 = Agreement.matchedCosines(truth, withFixed);
        System.out.println("nmf with a fixed component: cosines " + java.util.Arrays.toString(c2));
        for (double c : c2) {
            assertTrue(c >= 0.99, java.util.Arrays.toString(c2));
        }

        Path wrong = dir.resolve("wrong_axis.msa");
        writeMsa(wrong, truth[0], 0, 10);
        JobRun bad = JobRun.of("decompose", "--store", firstStore, "--output", dir.resolve("bad").toString(),
                "--method", "nmf", "--components", "" + K, "--fixed", wrong.toString());
        assertEquals(2, bad.exitCode(), bad.out());
        assertTrue(bad.err().contains("wrong_axis.msa") && bad.err().contains("energy axis"), bad.err());
        JobRun noK = JobRun.of("decompose", "--store", firstStore, "--output", dir.resolve("bad").toString(),
                "--method", "nmf");
        assertEquals(2, noK.exitCode(), noK.out());
        assertTrue(noK.err().contains("--components"), noK.err());
    }

    private static void writeMsa(Path file, double[] spectrum, double offsetEv, double scaleEv) throws Exception {
        StringBuilder b = new StringBuilder();
        b.append("#FORMAT      : EMSA/MAS Spectral Data File\n#VERSION     : 1.0\n#TITLE       : standard\n");
        b.append("#NPOINTS     : ").append(spectrum.length).append("\n#NCOLUMNS    : 1\n#XUNITS      : eV\n");
        b.append("#XPERCHAN    : ").append(scaleEv).append("\n#OFFSET      : ").append(offsetEv).append('\n');
        b.append("#DATATYPE    : Y\n#SPECTRUM    :\n");
        for (double v : spectrum) {
            b.append(v).append('\n');
        }
        b.append("#ENDOFDATA   :\n");
        Files.writeString(file, b.toString());
    }
}
