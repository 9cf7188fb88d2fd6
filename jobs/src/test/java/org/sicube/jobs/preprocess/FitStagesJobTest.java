package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.testing.JobRun;
import org.sicube.transforms.background.ExponentSpread;
import org.sicube.transforms.calibration.Cow;
import org.sicube.transforms.background.PowerLawBackground;
import org.sicube.transforms.background.PowerLawEstimator;
import org.sicube.transforms.background.PowerLawFit;
import org.sicube.transforms.background.PowerLawWindow;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * {@code lcpl} and {@code align method: cow} through the preprocess job on the synthetic EELS
 * image of {@link PreprocessJobTest} (24×24 px, 1024 channels from 400 eV by 0.5 eV) in blocks of
 * 7×13.
 */
class FitStagesJobTest {
    private static final int N = 24;
    private static final int CH = 1024;
    private static final EnergyGrid GRID = new EnergyGrid(CH, 400, 0.5);

    @TempDir
    static Path dir;
    private static String store;

    @BeforeAll
    static void synthesize() {
        store = dir.resolve("eels").toString();
        JobRun r = JobRun.of("synthesize", "--kind", "eels", "--size", N + "x" + N, "--channels", "" + CH,
                "--energy-offset", "400", "--feature-size", "8", "--seed", "5", "--block", "7x13", "--output", store);
        assertEquals(0, r.exitCode(), r.err());
    }

    /**
     * The exponents are the 10th and 90th percentiles of the per-pixel two-area exponents (to the
     * histogram's bin of 1e-3 plus the 4 printed decimals); amplitudes are non-negative; the
     * pre-edge window after subtraction holds under 0.2 % of its counts in total.
     */
    @Test
    void lcplTakesItsExponentsFromTheImage() throws Exception {
        Path config = Files.writeString(dir.resolve("lcpl.yaml"), "stages:\n  - type: lcpl\n    window: [450, 525]\n");
        String out = dir.resolve("lcpl").toString();
        JobRun r = JobRun.of("preprocess", "--input", store, "--output", out, "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = Pattern.compile("lcpl: exponents ([0-9.]+) and ([0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        double[] in = SpatialStagesJobTest.cube(store, N, N);
        PowerLawWindow window = PowerLawWindow.of(GRID, 450, 525);
        PowerLawBackground bg = new PowerLawBackground(GRID, window, PowerLawEstimator.TWO_AREA);
        PowerLawFit fit = new PowerLawFit();
        double[] r2 = new double[N * N];
        double[] s = new double[CH];
        for (int p = 0; p < N * N; p++) {
            System.arraycopy(in, p * CH, s, 0, CH);
            bg.fit(s, fit);
            r2[p] = fit.exponent();
        }
        double[] want = ExponentSpread.percentiles(r2, 10, 90);
        assertEquals(want[0], Double.parseDouble(m.group(1)), 1.1e-3);
        assertEquals(want[1], Double.parseDouble(m.group(2)), 1.1e-3);
        Map<String, double[]> maps = PreprocessJobTest.maps(out);
        double[] after = SpatialStagesJobTest.cube(out, N, N);
        double residual = 0;
        double counts = 0;
        for (int p = 0; p < N * N; p++) {
            assertTrue(maps.get("lcpl_A_low")[p] >= 0 && maps.get("lcpl_A_high")[p] >= 0, "pixel " + p);
            assertTrue(Double.isFinite(maps.get("lcpl_chi2")[p]), "pixel " + p);
            for (int c = window.firstChannel(); c < window.endChannel(); c++) {
                residual += after[p * CH + c];
                counts += in[p * CH + c];
            }
        }
        System.out.printf("lcpl: window residual %.3g of %.3g counts%n", residual, counts);
        assertTrue(Math.abs(residual) < 0.002 * counts, "residual " + residual + " of " + counts);
    }

    /**
     * COW onto the sum spectrum: every output spectrum and warp equal {@link Cow} run directly on
     * the input pixel against the sum of all input spectra (integer counts, so the sum is exact in
     * any order) to float32 rounding. (The drift of this small image is about one channel, below
     * COW's whole-channel boundaries; the recovery of a known warp is tested in CowTest.)
     */
    @Test
    void cowWarpsEachPixelOntoTheSumSpectrum() throws Exception {
        Path config = Files.writeString(dir.resolve("cow.yaml"),
                "stages:\n  - type: align\n    method: cow\n    segments: 16\n    slack: 2\n");
        String out = dir.resolve("cow").toString();
        JobRun r = JobRun.of("preprocess", "--input", store, "--output", out, "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
        double[] in = SpatialStagesJobTest.cube(store, N, N);
        double[] after = SpatialStagesJobTest.cube(out, N, N);
        double[] warp = PreprocessJobTest.maps(out).get("align_warp");
        double[] sum = new double[CH];
        for (int i = 0; i < in.length; i++) {
            sum[i % CH] += in[i];
        }
        Cow cow = new Cow(CH, CH, (CH - 1) / 16, 2);
        double[] s = new double[CH];
        double[] warped = new double[CH];
        double meanWarp = 0;
        for (int p = 0; p < N * N; p++) {
            System.arraycopy(in, p * CH, s, 0, CH);
            cow.warp(s, sum, warped);
            assertEquals(cow.meanAbsoluteWarp(), warp[p], 1e-6 * Math.max(1, cow.meanAbsoluteWarp()), "warp " + p);
            for (int c = 0; c < CH; c++) {
                assertEquals(warped[c], after[p * CH + c], 1e-6 * Math.max(1, warped[c]), "pixel " + p + " channel " + c);
            }
            meanWarp += warp[p] / (N * N);
        }
        System.out.printf("cow: mean absolute warp %.3f channel%n", meanWarp);
    }
}
