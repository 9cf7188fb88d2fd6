package org.sicube.transforms.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.EnergyGrid;

class EelsGeneratorTest {

    private static final int CARBON = 2;

    /** Log-log least squares on the pre-edge channels of noiseless spectra returns A and r exactly. */
    @Test
    void powerLawRecoveredFromNoiselessSpectra() {
        EelsGenerator g = new EelsGenerator(EelsSpec.demo(96, 96, 4));
        EnergyGrid grid = g.spec().grid();
        double[] s = new double[grid.channels()];
        for (int[] p : new int[][] {{3, 5}, {40, 71}, {90, 12}, {60, 60}}) {
            int y = p[0];
            int x = p[1];
            g.expectedSpectrum(y, x, s);
            double d = g.drift(y, x);
            // Pre-edge: 15 logistic widths below the first onset, where the step is below 4e-7.
            double end = g.phases().get(g.label(y, x)).firstOnsetEv() - 15.0;
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int m = 0;
            for (int i = 0; grid.energyEv(i) < end; i++) {
                double lx = Math.log(grid.energyEv(i) - d);
                double ly = Math.log(s[i] / grid.scaleEv());
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                m++;
            }
            double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
            double lnA = (sy - slope * sx) / m;
            assertEquals(g.exponent(y, x), -slope, 1e-5, "r at " + y + "," + x);
            assertEquals(1.0, Math.exp(lnA) / g.amplitude(y, x), 1e-4, "A at " + y + "," + x);
        }
    }

    /**
     * The C K onset (steepest rise of the noiseless spectrum) sits at 284 eV + drift(y, x): within
     * 0.25 eV absolutely (the background slope moves the steepest point slightly) and within
     * 0.02 eV relative to another carbon pixel (that displacement is common to both).
     */
    @Test
    void driftShiftsTheEdgeOnset() {
        EelsGenerator g = new EelsGenerator(EelsSpec.demo(192, 192, 6));
        EnergyGrid grid = g.spec().grid();
        double[] s = new double[grid.channels()];
        double refOnset = Double.NaN;
        double refDrift = Double.NaN;
        int found = 0;
        for (int y = 0; y < 192 && found < 6; y += 7) {
            for (int x = 0; x < 192 && found < 6; x += 11) {
                if (g.label(y, x) != CARBON) {
                    continue;
                }
                g.expectedSpectrum(y, x, s);
                double onset = steepestRise(s, grid, 284.0);
                double d = g.drift(y, x);
                assertEquals(284.0 + d, onset, 0.25, "onset at " + y + "," + x);
                if (found == 0) {
                    refOnset = onset;
                    refDrift = d;
                } else {
                    assertEquals(d - refDrift, onset - refOnset, 0.02, "relative shift at " + y + "," + x);
                }
                found++;
            }
        }
        assertEquals(6, found, "carbon pixels examined");
    }

    /** Just above the C K edge (8 onset widths) the spectrum over the background is the jump ratio. */
    @Test
    void jumpRatioAsSpecified() {
        EelsGenerator g = new EelsGenerator(EelsSpec.demo(192, 192, 6));
        EnergyGrid grid = g.spec().grid();
        double[] s = new double[grid.channels()];
        for (int y = 0; y < 192; y += 5) {
            for (int x = 0; x < 192; x += 5) {
                if (g.label(y, x) == CARBON) {
                    g.expectedSpectrum(y, x, s);
                    int i = (int) Math.round(grid.channelOf(284.0 + g.drift(y, x) + 8.0));
                    double bg = g.amplitude(y, x) * Math.pow(grid.energyEv(i) - g.drift(y, x), -g.exponent(y, x))
                            * grid.scaleEv();
                    assertEquals(g.jumpRatio(y, x), s[i] / bg, 1e-3 * g.jumpRatio(y, x));
                    assertEquals(3.0, g.jumpRatio(y, x), 1e-12);
                    return;
                }
            }
        }
        throw new AssertionError("no carbon pixel found");
    }

    /**
     * x = g·Poisson(λ) + N(0, σr²): per channel over 2400 identical pixels, the ordinary least-squares
     * line var = slope · mean + intercept has slope g and intercept σr² within 4 standard errors.
     */
    @Test
    void gainAndReadNoiseVariance() {
        double gain = 2.5;
        double sigmaR = 4.0;
        EelsSpec spec = EelsSpec.demo(40, 60, 13).uniform()
                .with(new EnergyGrid(512, 250.0, 0.5), List.of(EelsPhase.of("carbon", 1, "C", "K", 2.0)), 20.0)
                .withDetector(gain, sigmaR);
        EelsGenerator g = new EelsGenerator(spec);
        int n = 40 * 60;
        int ch = 512;
        float[] data = new float[n * ch];
        g.fill(0, 0, 40, 60, data);
        double[] mean = new double[ch];
        double[] var = new double[ch];
        for (int e = 0; e < ch; e++) {
            double m = 0;
            double q = 0;
            for (int p = 0; p < n; p++) {
                double v = data[p * ch + e];
                m += v;
                q += v * v;
            }
            m /= n;
            mean[e] = m;
            var[e] = (q - n * m * m) / (n - 1);
        }
        double mx = 0, my = 0;
        for (int e = 0; e < ch; e++) {
            mx += mean[e] / ch;
            my += var[e] / ch;
        }
        double sxx = 0, sxy = 0;
        for (int e = 0; e < ch; e++) {
            sxx += (mean[e] - mx) * (mean[e] - mx);
            sxy += (mean[e] - mx) * (var[e] - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        for (int e = 0; e < ch; e++) {
            double r = var[e] - intercept - slope * mean[e];
            rss += r * r;
        }
        double s2 = rss / (ch - 2);
        double seSlope = Math.sqrt(s2 / sxx);
        double seIntercept = Math.sqrt(s2 * (1.0 / ch + mx * mx / sxx));
        assertEquals(gain, slope, 4 * seSlope, "slope = gain");
        assertEquals(sigmaR * sigmaR, intercept, 4 * seIntercept, "intercept = read-noise variance");
        assertTrue(seSlope < 0.05 * gain && seIntercept < 0.25 * sigmaR * sigmaR, "test resolves g and sigma_r^2");
    }

    @Test
    void anyTilingGivesIdenticalPixels() {
        EelsSpec spec = EelsSpec.demo(30, 23, 17).with(new EnergyGrid(300, 250.0, 1.0), EelsSpec.demo(1, 1, 1).phases(), 500)
                .withDetector(1.7, 2.0);
        float[] a = new float[30 * 23 * 300];
        new EelsGenerator(spec).fill(0, 0, 30, 23, a);
        EelsGenerator tiled = new EelsGenerator(spec);
        float[] b = new float[a.length];
        for (int y0 = 0; y0 < 30; y0 += 4) {
            for (int x0 = 0; x0 < 23; x0 += 9) {
                int h = Math.min(4, 30 - y0);
                int w = Math.min(9, 23 - x0);
                float[] tile = new float[h * w * 300];
                tiled.fill(y0, x0, h, w, tile);
                for (int r = 0; r < h; r++) {
                    System.arraycopy(tile, r * w * 300, b, ((y0 + r) * 23 + x0) * 300, w * 300);
                }
            }
        }
        assertArrayEquals(a, b);
    }

    @Test
    void gridMustStartAboveTheDrift() {
        assertThrows(IllegalArgumentException.class, () -> EelsSpec.demo(8, 8, 1)
                .with(new EnergyGrid(100, 1.0, 1.0), EelsSpec.demo(1, 1, 1).phases(), 100));
    }

    /** Not an assertion: spectra per second of the demo EELS generator on one thread. */
    @Test
    void throughputPrint() {
        EelsGenerator g = new EelsGenerator(EelsSpec.demo(64, 64, 8));
        float[] tile = new float[32 * 32 * 2048];
        g.fill(0, 0, 32, 32, tile);
        long t0 = System.nanoTime();
        for (int y0 = 0; y0 < 64; y0 += 32) {
            for (int x0 = 0; x0 < 64; x0 += 32) {
                g.fill(y0, x0, 32, 32, tile);
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("{\"what\":\"eels-generator\",\"spectra\":%d,\"channels\":2048,\"seconds\":%.3f,"
                + "\"spectra_per_s\":%.0f}%n", 64 * 64, s, 64 * 64 / s);
    }

    /** Energy of the largest forward difference within ±10 eV of {@code nearEv}, parabola-refined. */
    private static double steepestRise(double[] s, EnergyGrid grid, double nearEv) {
        int lo = (int) grid.channelOf(nearEv - 10);
        int hi = (int) grid.channelOf(nearEv + 10);
        int best = lo;
        for (int i = lo; i < hi; i++) {
            if (s[i + 1] - s[i] > s[best + 1] - s[best]) {
                best = i;
            }
        }
        double dm = s[best] - s[best - 1];
        double d0 = s[best + 1] - s[best];
        double dp = s[best + 2] - s[best + 1];
        double offset = 0.5 * (dm - dp) / (dm - 2 * d0 + dp);
        return grid.energyEv(best + 0.5 + offset);
    }
}
