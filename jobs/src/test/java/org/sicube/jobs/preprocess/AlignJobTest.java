package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.testing.JobRun;

/**
 * Alignment accuracy of the preprocess job on a synthetic EELS image with per-pixel drift (24×24
 * px, 1024 channels from 400 eV by 0.5 eV, grains of 8 px, drift ±1.5 eV smooth plus 0.1 eV
 * jitter, about 10^4 counts per channel in the pre-edge window 490–525 eV; the power law is fitted over 450–525 eV): a first {@code fit}
 * alignment on the O K edge (500–600 eV) that the iron-oxide and NiO pixels share puts every
 * phase on a common zero; a second over the whole range, in segments of 128 channels, adds the
 * Fe L2,3 and Ni L2,3 white lines; then the pre-edge power law is subtracted. Carbon pixels (no
 * edge on this grid) cannot be aligned: they are left out.
 */
class AlignJobTest {
    private static final int N = 24;
    private static final String CONFIG = """
            stages:
              - type: align
                method: fit
                window: [500, 600]
              - type: align
                method: fit
                segment: 128
              - type: powerlaw
                window: [450, 525]
                method: two-area
            """;

    @TempDir
    static Path dir;
    private static String store;
    private static String out;

    @BeforeAll
    static void synthesizeAndAlign() throws Exception {
        store = dir.resolve("eels").toString();
        JobRun s = JobRun.of("synthesize", "--kind", "eels", "--size", N + "x" + N, "--channels", "1024",
                "--energy-offset", "400", "--start-counts", "20000", "--feature-size", "8", "--seed", "5",
                "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        out = dir.resolve("aligned").toString();
        Path config = Files.writeString(dir.resolve("align.yaml"), CONFIG);
        JobRun r = JobRun.of("preprocess", "--input", store, "--output", out, "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /**
     * The measured drift (minus the two applied shifts) against the true drift in channels, both
     * minus their mean over the aligned pixels (the sum spectrum fixes an arbitrary zero): RMS
     * below 0.05 channel. The per-pixel precision limit of these spectra is about 0.03 (iron
     * oxide) to 0.05 (NiO) channel.
     */
    @Test
    void residualMisalignmentBelowAFiftiethOfAChannel() throws Exception {
        float[] labels = PreprocessJobTest.truth(store, "labels.npy");
        float[] drift = PreprocessJobTest.truth(store, "drift_ev.npy");
        Map<String, double[]> m = PreprocessJobTest.maps(out);
        double[] first = m.get("align0_shift");
        double[] second = m.get("align1_shift");
        int n = 0;
        int carbonUnshifted = 0;
        double sumM = 0;
        double sumT = 0;
        for (int i = 0; i < N * N; i++) {
            if (labels[i] == 2) {
                carbonUnshifted += Double.isNaN(first[i]) && Double.isNaN(second[i]) ? 1 : 0;
                continue;
            }
            assertTrue(Double.isFinite(first[i]) && Double.isFinite(second[i]), "pixel " + i + " not aligned");
            sumM += -(first[i] + second[i]);
            sumT += drift[i] / 0.5;
            n++;
        }
        double sumSq = 0;
        for (int i = 0; i < N * N; i++) {
            if (labels[i] != 2) {
                double e = (-(first[i] + second[i]) - sumM / n) - (drift[i] / 0.5 - sumT / n);
                sumSq += e * e;
            }
        }
        double rms = Math.sqrt(sumSq / n);
        System.out.printf("alignment: %d px, RMS residual misalignment %.4f channel (drift RMS %.3f);"
                + " carbon pixels left unshifted: %d of %d%n", n, rms, rmsAboutMean(drift, labels), carbonUnshifted,
                N * N - n);
        assertTrue(n > 300, "aligned pixels " + n);
        assertTrue(rms < 0.05, "RMS residual misalignment " + rms + " channel");
    }

    /**
     * Jump ratio of the O K edge (onset 532 eV; truth 1.6) after alignment and power-law
     * subtraction, as in {@link PreprocessJobTest}: counts over the background in the channels
     * centred on 540 … 549.5 eV, the background integrated from the fitted A and r maps.
     */
    @Test
    void jumpRatioInEveryPixel() throws Exception {
        float[] labels = PreprocessJobTest.truth(store, "labels.npy");
        float[] jump = PreprocessJobTest.truth(store, "jump_ratio.npy");
        Map<String, double[]> m = PreprocessJobTest.maps(out);
        List<PixelBlock> blocks = PreprocessJobTest.blocks(out);
        double worst = 0;
        double sumSq = 0;
        int n = 0;
        for (PixelBlock b : blocks) {
            for (int y = b.y0(); y < b.y0() + b.height(); y++) {
                for (int x = b.x0(); x < b.x0() + b.width(); x++) {
                    int i = y * N + x;
                    if (labels[i] != 1 && labels[i] != 3) {
                        continue;
                    }
                    double a = m.get("powerlaw_A")[i];
                    double r = m.get("powerlaw_r")[i];
                    double k = 1 - r;
                    double background = a * (Math.pow(549.75, k) - Math.pow(539.75, k)) / k;
                    double signal = 0;
                    for (int c = 280; c < 300; c++) {
                        signal += b.counts()[b.offsetOf(y, x) + c];
                    }
                    double rel = ((signal + background) / background) / jump[i] - 1;
                    worst = Math.max(worst, Math.abs(rel));
                    sumSq += rel * rel;
                    n++;
                }
            }
        }
        System.out.printf("jump ratio (O K, %d px): RMS relative error %.4f, worst %.4f%n", n, Math.sqrt(sumSq / n), worst);
        assertTrue(n > 300, "pixels with the O K edge: " + n);
        assertTrue(worst < 0.02, "worst relative jump-ratio error " + worst);
    }

    private static double rmsAboutMean(float[] driftEv, float[] labels) {
        double s = 0;
        double ss = 0;
        int n = 0;
        for (int i = 0; i < driftEv.length; i++) {
            if (labels[i] != 2) {
                double v = driftEv[i] / 0.5;
                s += v;
                ss += v * v;
                n++;
            }
        }
        return Math.sqrt(ss / n - (s / n) * (s / n));
    }
}
