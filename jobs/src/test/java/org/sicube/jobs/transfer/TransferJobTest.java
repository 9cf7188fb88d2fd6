package org.sicube.jobs.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.NpyFiles;
import org.sicube.jobs.testing.TestSpark;

/**
 * Calibration transfer end to end: 12 standards (random mixtures of four peak-and-background
 * spectra, 256 channels of 10 eV) measured on instrument A (the reference) and on instrument B,
 * whose response broadens (σ 1.2 channels), shifts by +1.5 channels, scales by 0.85 and adds 3
 * counts; standards carry √counts Gaussian noise. A 16 × 16 image of other mixtures measured on B
 * is ingested, and the preprocess stage {@code transfer} with the learned model maps it onto A.
 */
class TransferJobTest {
    static final int CHANNELS = 256;
    static final int N = 16;
    static final int STANDARDS = 12;

    @TempDir
    static Path dir;
    static double[][] phases;
    static List<String> sourceFiles = new ArrayList<>();
    static List<String> targetFiles = new ArrayList<>();

    @BeforeAll
    static void standards() throws Exception {
        phases = phases();
        Random r = new Random(11);
        for (int s = 0; s < STANDARDS; s++) {
            double[] a = mixture(r);
            double[] b = instrumentB(a);
            sourceFiles.add(msa(dir.resolve("B" + s + ".msa"), noisy(b, r), 10).toString());
            targetFiles.add(msa(dir.resolve("A" + s + ".msa"), noisy(a, r), 10).toString());
        }
    }

    /** Four spectra: a decaying background and Gaussian peaks (σ 2.5 channels) at phase-specific channels. */
    static double[][] phases() {
        int[][] peaks = {{40, 120, 200}, {60, 90, 170}, {30, 140, 220}, {75, 110, 185}};
        double[][] p = new double[4][CHANNELS];
        for (int k = 0; k < 4; k++) {
            for (int c = 0; c < CHANNELS; c++) {
                double v = 300 * Math.exp(-c / (60.0 + 20 * k));
                for (int i = 0; i < 3; i++) {
                    double d = (c - peaks[k][i]) / 2.5;
                    v += (2000 - 400 * i) * Math.exp(-0.5 * d * d);
                }
                p[k][c] = v;
            }
        }
        return p;
    }

    static double[] mixture(Random r) {
        double[] s = new double[CHANNELS];
        for (double[] phase : phases) {
            double f = r.nextDouble();
            for (int c = 0; c < CHANNELS; c++) {
                s[c] += f * phase[c];
            }
        }
        return s;
    }

    /** B's response: Gaussian broadening σ 1.2 channels centred 1.5 channels higher, gain 0.85, offset 3 counts. */
    static double[] instrumentB(double[] a) {
        double[] b = new double[CHANNELS];
        for (int j = 0; j < CHANNELS; j++) {
            double sum = 0;
            double w = 0;
            for (int i = Math.max(0, j - 8); i <= Math.min(CHANNELS - 1, j + 8); i++) {
                double d = (j - 1.5 - i) / 1.2;
                double k = Math.exp(-0.5 * d * d);
                sum += k * a[i];
                w += k;
            }
            b[j] = 0.85 * sum / w + 3;
        }
        return b;
    }

    static double[] noisy(double[] s, Random r) {
        double[] out = new double[s.length];
        for (int c = 0; c < s.length; c++) {
            out[c] = s[c] + Math.sqrt(s[c]) * r.nextGaussian();
        }
        return out;
    }

    static Path msa(Path file, double[] s, double eVPerChannel) throws Exception {
        StringBuilder b = new StringBuilder("#FORMAT      : EMSA/MAS Spectral Data File\n#VERSION     : 1.0\n"
                + "#TITLE       : standard\n#NPOINTS     : " + s.length + "\n#NCOLUMNS    : 1\n#XUNITS      : eV\n"
                + "#YUNITS      : counts\n#DATATYPE    : Y\n#XPERCHAN    : " + eVPerChannel + "\n#OFFSET      : 0.0\n"
                + "#SPECTRUM    :\n");
        for (double v : s) {
            b.append(String.format(Locale.ROOT, "%.4f%n", v));
        }
        b.append("#ENDOFDATA   :\n");
        return Files.writeString(file, b.toString());
    }

    static String[] transferArgs(String output, String... extra) {
        List<String> a = new ArrayList<>(List.of("transfer", "--output", output, "--source"));
        a.addAll(sourceFiles);
        a.add("--target");
        a.addAll(targetFiles);
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /**
     * The image on B, mapped with the learned PDS (±4 channels, ridge 1e-3), against the same
     * mixtures as A measures them (noiseless): the RMS error falls at least 8-fold from the
     * untransformed B spectra (11.7× measured; the standards' √counts noise and the ridge bound
     * what is left). A crop before the stage changes the axis: a user error naming the key.
     */
    @Test
    void pdsMapsAStoreMeasuredOnBOntoA() throws Exception {
        String run = dir.resolve("pds").toString();
        JobRun t = JobRun.of(transferArgs(run, "--method", "pds", "--window", "4", "--ridge", "1e-3"));
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.out().contains("transfer pds ±4 ch: 12 standards"), t.out());
        for (String f : List.of(TransferFile.FILE, TransferOutputs.CSV, TransferOutputs.PNG, "manifest.json")) {
            assertTrue(Files.exists(Path.of(run, f)), f);
        }
        Random r = new Random(12);
        double[][] truthA = new double[N * N][];
        float[] measuredB = new float[N * N * CHANNELS];
        for (int p = 0; p < N * N; p++) {
            truthA[p] = mixture(r);
            double[] b = instrumentB(truthA[p]);
            for (int c = 0; c < CHANNELS; c++) {
                measuredB[p * CHANNELS + c] = (float) b[c];
            }
        }
        Path npy = NpyFiles.write(dir.resolve("imageB.npy"), "<f4", new int[] {N, N, CHANNELS}, measuredB);
        String store = dir.resolve("storeB").toString();
        assertEquals(0, JobRun.of("ingest", "--input", npy.toString(), "--output", store, "--block", "7x5",
                "--reader-option", "energy-offset=0", "--reader-option", "energy-scale=10",
                "--reader-option", "energy-units=eV").exitCode());
        Path config = Files.writeString(dir.resolve("transfer.yaml"), "stages:\n  - type: transfer\n    model: "
                + Path.of(run, TransferFile.FILE) + "\n");
        String out = dir.resolve("onA").toString();
        JobRun pre = JobRun.of("preprocess", "--input", store, "--output", out, "--config", config.toString());
        assertEquals(0, pre.exitCode(), pre.err());
        double before = 0;
        double after = 0;
        for (PixelBlock b : BlockStore.readBlocks(TestSpark.get(), out).collect()) {
            for (int q = 0; q < b.pixels(); q++) {
                int p = (b.y0() + q / b.width()) * N + b.x0() + q % b.width();
                for (int c = 0; c < CHANNELS; c++) {
                    double a = truthA[p][c];
                    double d0 = measuredB[p * CHANNELS + c] - a;
                    double d1 = b.counts()[q * CHANNELS + c] - a;
                    before += d0 * d0;
                    after += d1 * d1;
                }
            }
        }
        double rmsBefore = Math.sqrt(before / (N * N * CHANNELS));
        double rmsAfter = Math.sqrt(after / (N * N * CHANNELS));
        System.out.printf("transfer B → A on a %d×%d store: RMS %.2f → %.2f counts (%.1f×)%n", N, N, rmsBefore,
                rmsAfter, rmsBefore / rmsAfter);
        assertTrue(rmsBefore / rmsAfter >= 8, rmsBefore + " → " + rmsAfter);
        Path cropped = Files.writeString(dir.resolve("crop.yaml"), "stages:\n  - type: crop\n    range: [100, 2000]\n"
                + "  - type: transfer\n    model: " + run + "\n");
        JobRun bad = JobRun.of("preprocess", "--input", store, "--output", dir.resolve("bad2").toString(), "--config",
                cropped.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("stages[1].model") && bad.err().contains("256 ch from 0.00000 eV by 10.0000 eV")
                && bad.err().contains("191 ch"), bad.err());
    }

    /** Noiseless standards differing only by a gain 1.25 and offset −7 counts: the job writes them back exactly. */
    @Test
    void slopeBiasRecoversGainAndOffset() throws Exception {
        List<String> src = new ArrayList<>();
        List<String> tgt = new ArrayList<>();
        Random r = new Random(13);
        for (int s = 0; s < 3; s++) {
            double[] a = mixture(r);
            double[] b = new double[CHANNELS];
            for (int c = 0; c < CHANNELS; c++) {
                b[c] = 1.25 * a[c] - 7;
            }
            src.add(msa(dir.resolve("g" + s + ".msa"), a, 10).toString());
            tgt.add(msa(dir.resolve("h" + s + ".msa"), b, 10).toString());
        }
        String run = dir.resolve("slope").toString();
        List<String> args = new ArrayList<>(List.of("transfer", "--method", "slope-bias", "--scope", "global",
                "--output", run, "--source"));
        args.addAll(src);
        args.add("--target");
        args.addAll(tgt);
        JobRun t = JobRun.of(args.toArray(String[]::new));
        assertEquals(0, t.exitCode(), t.err());
        JsonNode j = new ObjectMapper().readTree(Path.of(run, TransferFile.FILE).toFile());
        assertEquals(0, j.get("window").asInt());
        for (int c = 0; c < CHANNELS; c += 51) {
            // The .msa values carry 4 decimals: the fit is exact to that rounding.
            assertEquals(1.25, j.get("weights").get(c).get(0).asDouble(), 1e-8);
            assertEquals(-7, j.get("offsets").get(c).asDouble(), 1e-4);
        }
        assertEquals(0, j.get("rmsAfter").asDouble(), 1e-4);
    }

    @Test
    void differentAxesAreAUserErrorNamingBoth() throws Exception {
        String wide = msa(dir.resolve("wide.msa"), new double[CHANNELS], 20).toString();
        List<String> targets = targetFiles.stream().map(f -> wide).toList();
        List<String> args = new ArrayList<>(List.of("transfer", "--output", dir.resolve("bad").toString(), "--source"));
        args.addAll(sourceFiles);
        args.add("--target");
        args.addAll(targets);
        JobRun t = JobRun.of(args.toArray(String[]::new));
        assertEquals(2, t.exitCode());
        assertTrue(t.err().contains("energy axes differ") && t.err().contains("--target " + wide)
                && t.err().contains("by 20.0000 eV") && t.err().contains("--source") && t.err().contains("by 10.0000 eV"),
                t.err());
        assertFalse(Files.exists(dir.resolve("bad")));
    }
}
