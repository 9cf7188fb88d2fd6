package org.sicube.transforms.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.physics.XrayLineTable;

class EdsGeneratorTest {

    private static float[] generate(EdsGenerator g) {
        EdsSpec s = g.spec();
        float[] out = new float[s.height() * s.width() * s.grid().channels()];
        g.fill(0, 0, s.height(), s.width(), out);
        return out;
    }

    /** Observed mean counts per pixel within 4 standard errors sqrt(ΣΛ)/N of the expected mean. */
    @Test
    void meanCountsPerPixelAsSpecified() {
        EdsGenerator g = new EdsGenerator(EdsSpec.demo(128, 128, 5));
        float[] data = generate(g);
        int n = 128 * 128;
        double observed = 0;
        for (float v : data) {
            observed += v;
        }
        double expected = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                expected += g.expectedTotal(y, x);
            }
        }
        assertEquals(expected / n, observed / n, 4 * Math.sqrt(expected) / n);
        // 10 % thickness variation averages out over the image to within a few percent.
        assertEquals(200.0, expected / n, 10.0);
    }

    /** Fe Kα centroid of the alloy's sum spectrum within 0.5 channel of 6403.9 eV. */
    @Test
    void lineCentroidAtTableEnergy() {
        EdsGenerator g = new EdsGenerator(EdsSpec.demo(128, 128, 9));
        EdsSpec s = g.spec();
        float[] data = generate(g);
        double[] sum = phaseSum(g, data, 0);
        double feKa = XrayLineTable.get().line("Fe", "Ka").energyEv();
        int c = (int) Math.round(s.grid().channelOf(feKa));
        double[] net = subtractLinearBackground(sum, c - 30, c + 30);
        double w = 0;
        double m = 0;
        for (int i = c - 30; i <= c + 30; i++) {
            w += net[i];
            m += net[i] * i;
        }
        double centroid = m / w;
        assertEquals(s.grid().channelOf(feKa), centroid, 0.5, "Fe Ka centroid (channels)");
    }

    /** FWHM of Mn Kα from a pure-Mn sum spectrum: 130 eV ± 2 %, both noiseless and sampled. */
    @Test
    void lineWidthAtMnKaIs130eV() {
        EdsSpec s = EdsSpec.demo(64, 64, 3).withRare(null, 0, 0).withThicknessVariation(0)
                .withPhases(List.of(Phase.of("manganese", 1, "Mn", 100))).withMeanCounts(1000);
        EdsGenerator g = new EdsGenerator(s);
        double mnKa = DetectorResolution.MN_KA_EV;
        int c = (int) Math.round(s.grid().channelOf(mnKa));
        double[] lines = g.phaseSpectrum(0);
        double[] cont = g.phaseContinuum(0);
        for (int i = 0; i < lines.length; i++) {
            lines[i] -= cont[i];
        }
        assertEquals(130.0, fwhmEv(lines, c, s.grid().scaleEv()), 0.02 * 130.0, "noiseless");
        double[] net = subtractLinearBackground(phaseSum(g, generate(g), 0), c - 35, c + 30);
        assertEquals(130.0, fwhmEv(net, c, s.grid().scaleEv()), 0.02 * 130.0, "sampled");
    }

    /**
     * Var = mean per channel over 4096 pixels of one phase at constant thickness: Σ_e s²_e / Σ_e λ_e
     * within 4 standard errors, SE² = Σ_e (λ_e + 2λ_e²)/n / (Σλ_e)²; means pass a χ² bound.
     */
    @Test
    void poissonVarianceEqualsMeanPerChannel() {
        EdsSpec s = EdsSpec.demo(64, 64, 11).withRare(null, 0, 0).withThicknessVariation(0)
                .withPhases(List.of(Phase.of("Fe-Cr-Ni alloy", 1, "Fe", 70, "Cr", 20, "Ni", 10)));
        EdsGenerator g = new EdsGenerator(s);
        float[] data = generate(g);
        int ch = s.grid().channels();
        int n = 64 * 64;
        double[] lambda = g.phaseSpectrum(0);
        double sumVar = 0;
        double sumLambda = 0;
        double varOfSumVar = 0;
        double chi2 = 0;
        int used = 0;
        for (int e = 0; e < ch; e++) {
            if (lambda[e] < 0.05) {
                continue;
            }
            double m = 0;
            double q = 0;
            for (int p = 0; p < n; p++) {
                double v = data[p * ch + e];
                m += v;
                q += v * v;
            }
            m /= n;
            double var = (q - n * m * m) / (n - 1);
            sumVar += var;
            sumLambda += lambda[e];
            varOfSumVar += (lambda[e] + 2 * lambda[e] * lambda[e]) / n;
            chi2 += (m - lambda[e]) * (m - lambda[e]) / (lambda[e] / n);
            used++;
        }
        assertTrue(used > 300, "channels used: " + used);
        assertEquals(1.0, sumVar / sumLambda, 4 * Math.sqrt(varOfSumVar) / sumLambda, "variance / mean");
        assertTrue(chi2 < used + 5 * Math.sqrt(2.0 * used), "chi2 " + chi2 + " over " + used + " channels");
    }

    @Test
    void anyTilingGivesIdenticalPixels() {
        EdsGenerator whole = new EdsGenerator(EdsSpec.demo(45, 70, 21));
        float[] a = generate(whole);
        EdsGenerator tiled = new EdsGenerator(EdsSpec.demo(45, 70, 21));
        int ch = 2048;
        float[] b = new float[a.length];
        for (int y0 = 0; y0 < 45; y0 += 7) {
            for (int x0 = 0; x0 < 70; x0 += 13) {
                int h = Math.min(7, 45 - y0);
                int w = Math.min(13, 70 - x0);
                float[] tile = new float[h * w * ch];
                tiled.fill(y0, x0, h, w, tile);
                for (int r = 0; r < h; r++) {
                    System.arraycopy(tile, r * w * ch, b, ((y0 + r) * 70 + x0) * ch, w * ch);
                }
            }
        }
        assertArrayEquals(a, b);
    }

    /**
     * Au Mα: a strong line in the rare phase; within ±1 FWHM of it the other phases' line intensity
     * (only far tails of Si Kβ, 3.4 FWHM away) is below 10⁻⁴ of the rare phase's peak.
     */
    @Test
    void rareLineAbsentFromOtherPhases() {
        EdsGenerator g = new EdsGenerator(EdsSpec.demo(64, 64, 1));
        EnergyGrid grid = g.spec().grid();
        double auMa = XrayLineTable.get().line("Au", "Ma").energyEv();
        int c = (int) Math.round(grid.channelOf(auMa));
        double[] rare = g.phaseSpectrum(g.rareLabel());
        double[] rareCont = g.phaseContinuum(g.rareLabel());
        assertTrue(rare[c] > 3 * rareCont[c], "Au Ma stands out in the rare phase");
        for (int p = 0; p < g.rareLabel(); p++) {
            double[] s = g.phaseSpectrum(p);
            double[] cont = g.phaseContinuum(p);
            for (int i = c - 9; i <= c + 9; i++) {
                assertEquals(0.0, s[i] - cont[i], 1e-4 * rare[c], g.phases().get(p).name() + " channel " + i);
            }
        }
    }

    @Test
    void rarePixelCountAsSpecified() {
        EdsGenerator g = new EdsGenerator(EdsSpec.demo(300, 400, 2));
        assertEquals(12 * Inclusions.discPixels(2), g.rarePixels().length);
        assertEquals(13, Inclusions.discPixels(2));
        assertEquals(g.rarePixels().length, countLabel(g, g.rareLabel()));
        for (long p : g.rarePixels()) {
            assertEquals(g.rareLabel(), g.label((int) (p / 400), (int) (p % 400)));
        }
        // A few pixels in a million.
        EdsGenerator sparse = new EdsGenerator(EdsSpec.demo(1000, 1000, 2).withRare(
                Phase.of("Mo particle", 1, "Mo", 100), 3, 0));
        assertEquals(3, sparse.rarePixels().length);
        assertEquals(3, countLabel(sparse, sparse.rareLabel()));
    }

    @Test
    void allPhasesAppearInBothLayouts() {
        for (Layout l : Layout.values()) {
            EdsGenerator g = new EdsGenerator(EdsSpec.demo(256, 256, 4).withLayout(l, 32));
            for (int p = 0; p < 4; p++) {
                assertTrue(countLabel(g, p) > 256 * 256 / 20, l + " phase " + p);
            }
        }
    }

    @Test
    void invalidSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EdsSpec.demo(10, 10, 1).withMeanCounts(-1));
        assertThrows(IllegalArgumentException.class, () -> Phase.of("bad", 1, "Fe", 50));
        assertThrows(IllegalArgumentException.class, () -> Phase.of("bad", 1, "Xx", 100));
        assertThrows(IllegalArgumentException.class, () -> EdsSpec.demo(64, 64, 1).withRare(
                Phase.of("not rare", 1, "Fe", 100), 2, 1));
        EdsGenerator g = new EdsGenerator(EdsSpec.demo(16, 16, 1).withRare(null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> g.fill(10, 10, 8, 8, new float[8 * 8 * 2048]));
    }

    /** Not an assertion: spectra per second of the demo generator on one thread, 32 × 32 tiles. */
    @Test
    void throughputPrint() {
        EdsGenerator g = new EdsGenerator(EdsSpec.demo(320, 320, 8));
        float[] tile = new float[32 * 32 * 2048];
        g.fill(0, 0, 32, 32, tile);
        long t0 = System.nanoTime();
        double checksum = 0;
        for (int y0 = 0; y0 < 320; y0 += 32) {
            for (int x0 = 0; x0 < 320; x0 += 32) {
                g.fill(y0, x0, 32, 32, tile);
                checksum += tile[100];
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("{\"what\":\"eds-generator\",\"spectra\":%d,\"channels\":2048,\"seconds\":%.3f,"
                + "\"spectra_per_s\":%.0f,\"checksum\":%.0f}%n", 320 * 320, s, 320 * 320 / s, checksum);
    }

    static int countLabel(EdsGenerator g, int label) {
        int n = 0;
        for (int y = 0; y < g.spec().height(); y++) {
            for (int x = 0; x < g.spec().width(); x++) {
                if (g.label(y, x) == label) {
                    n++;
                }
            }
        }
        return n;
    }

    static double[] phaseSum(EdsGenerator g, float[] data, int label) {
        EdsSpec s = g.spec();
        int ch = s.grid().channels();
        double[] sum = new double[ch];
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if (g.label(y, x) == label) {
                    int off = (y * s.width() + x) * ch;
                    for (int e = 0; e < ch; e++) {
                        sum[e] += data[off + e];
                    }
                }
            }
        }
        return sum;
    }

    /** Spectrum minus the straight line through the 5-channel means just outside [lo, hi]. */
    static double[] subtractLinearBackground(double[] s, int lo, int hi) {
        double left = 0;
        double right = 0;
        for (int k = 1; k <= 5; k++) {
            left += s[lo - k] / 5;
            right += s[hi + k] / 5;
        }
        double xl = lo - 3;
        double xr = hi + 3;
        double[] out = s.clone();
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] - (left + (right - left) * (i - xl) / (xr - xl));
        }
        return out;
    }

    /** Full width at half maximum around channel c, by linear interpolation of the half crossings. */
    static double fwhmEv(double[] s, int c, double scaleEv) {
        int peak = c;
        for (int i = c - 5; i <= c + 5; i++) {
            if (s[i] > s[peak]) {
                peak = i;
            }
        }
        double half = s[peak] / 2;
        int l = peak;
        while (s[l] > half) {
            l--;
        }
        int r = peak;
        while (s[r] > half) {
            r++;
        }
        double left = l + (half - s[l]) / (s[l + 1] - s[l]);
        double right = r - 1 + (s[r - 1] - half) / (s[r - 1] - s[r]);
        return (right - left) * scaleEv;
    }
}
