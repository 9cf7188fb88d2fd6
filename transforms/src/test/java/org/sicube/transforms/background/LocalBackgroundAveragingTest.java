package org.sicube.transforms.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.spatial.BlockRim;
import org.sicube.transforms.spatial.HaloAssembly;
import org.sicube.transforms.spatial.NeighbourhoodMean;
import org.sicube.transforms.spatial.SpatialKernel;
import org.sicube.transforms.synthetic.PixelRandom;
import org.sicube.transforms.synthetic.PoissonSampler;

/**
 * LBA on a synthetic EELS image: 19 × 23 px, 300 channels from 200 eV by 1 eV, power law A·E^-r
 * with r drifting across the image, an edge at 330 eV, Poisson counts; window [250, 300) eV.
 */
class LocalBackgroundAveragingTest {
    static final EnergyGrid GRID = new EnergyGrid(300, 200, 1.0);
    static final int NY = 19;
    static final int NX = 23;

    /** Poisson counts of pixel (y, x): power law of exponent r(y, x) plus a 20 % step from 330 eV. */
    static double[] image(double amplitude, boolean varyExponent, long seed) {
        double[] data = new double[NY * NX * GRID.channels()];
        PixelRandom rng = new PixelRandom(0);
        for (int y = 0; y < NY; y++) {
            for (int x = 0; x < NX; x++) {
                double r = varyExponent ? 3.0 + 0.3 * Math.sin(0.3 * y) * Math.cos(0.2 * x) : 3.0;
                double[] law = PowerLawBackgroundTest.powerLaw(GRID, amplitude, r);
                rng.reset(PixelRandom.pixelKey(seed, 0, y, x));
                for (int c = 0; c < law.length; c++) {
                    double mean = law[c] * (GRID.energyEv(c) >= 330 ? 1.2 : 1.0);
                    data[(y * NX + x) * GRID.channels() + c] = PoissonSampler.sample(rng, mean);
                }
            }
        }
        return data;
    }

    static PowerLawBackground background(PowerLawEstimator e) {
        return new PowerLawBackground(GRID, PowerLawWindow.of(GRID, 250, 300), e);
    }

    /** The h × w tile at (y0, x0) of an NY × NX image. */
    static double[] tile(double[] image, int y0, int x0, int h, int w, int ch) {
        double[] t = new double[h * w * ch];
        for (int y = 0; y < h; y++) {
            System.arraycopy(image, ((y0 + y) * NX + x0) * ch, t, y * w * ch, w * ch);
        }
        return t;
    }

    /**
     * LBA as the job runs it on blocks of bh × bw: a first pass extracts every block's rim of
     * window features, the second smooths each block with its neighbours' rims and subtracts.
     * Returns the subtracted image and the r map.
     */
    static double[][] blockwise(double[] image, int bh, int bw, SpatialKernel k, PowerLawEstimator e) {
        int ch = GRID.channels();
        LocalBackgroundAveraging lba = new LocalBackgroundAveraging(background(e), ch);
        int f = background(e).featureCount();
        Map<Long, double[]> rims = new HashMap<>();
        for (int y0 = 0; y0 < NY; y0 += bh) {
            for (int x0 = 0; x0 < NX; x0 += bw) {
                int h = Math.min(bh, NY - y0);
                int w = Math.min(bw, NX - x0);
                double[] feat = lba.features(tile(image, y0, x0, h, w, ch), h * w);
                rims.put(((long) y0 << 32) | x0, new BlockRim(h, w, k.radius(), f).extract(feat));
            }
        }
        double[] out = new double[image.length];
        double[] rMap = new double[NY * NX];
        HaloAssembly halo = new HaloAssembly(NY, NX, bh, bw, k.radius(), f);
        NeighbourhoodMean mean = new NeighbourhoodMean(k, f);
        for (int y0 = 0; y0 < NY; y0 += bh) {
            for (int x0 = 0; x0 < NX; x0 += bw) {
                int h = Math.min(bh, NY - y0);
                int w = Math.min(bw, NX - x0);
                double[] t = tile(image, y0, x0, h, w, ch);
                double[] padded = mean.paddedTile(h, w);
                halo.fill(y0, x0, h, w, lba.features(t, h * w), (y, x) -> rims.get(((long) y << 32) | x), padded);
                double[] a = new double[h * w];
                double[] r = new double[h * w];
                lba.subtract(t, h * w, mean.mean(padded, h, w), a, r, new double[h * w]);
                for (int y = 0; y < h; y++) {
                    System.arraycopy(t, y * w * ch, out, ((y0 + y) * NX + x0) * ch, w * ch);
                    System.arraycopy(r, y * w, rMap, (y0 + y) * NX + x0, w);
                }
            }
        }
        return new double[][] {out, rMap};
    }

    /** Awkward 7 × 5 blocks (and 4 × 3, smaller than the radius) give the whole-image result to 1e-9 relative. */
    @Test
    void blocksWithRimsEqualTheWholeImage() {
        double[] image = image(3e10, true, 7);
        for (PowerLawEstimator e : new PowerLawEstimator[] {PowerLawEstimator.TWO_AREA, PowerLawEstimator.LOG_LOG}) {
            for (SpatialKernel k : new SpatialKernel[] {new SpatialKernel(2, false), new SpatialKernel(5, true)}) {
                double[][] whole = blockwise(image, NY, NX, k, e);
                for (int[] b : new int[][] {{7, 5}, {4, 3}}) {
                    double[][] tiled = blockwise(image, b[0], b[1], k, e);
                    for (int i = 0; i < image.length; i++) {
                        assertEquals(whole[0][i], tiled[0][i], 1e-9 * Math.max(1, image[i]), e + " " + k + " at " + i);
                    }
                    for (int p = 0; p < NY * NX; p++) {
                        assertEquals(whole[1][p], tiled[1][p], 1e-9 * Math.abs(whole[1][p]), "r at " + p);
                    }
                }
            }
        }
    }

    /**
     * Constant true r = 3 and about 200 (at 250 eV) to 120 (at 300 eV) counts per window channel: a 5 × 5 box (R = 2) averages
     * 25 pixels inside the image, so the scatter of r should drop about five-fold (≥ 9 pixels at a
     * corner: three-fold); required: below 0.4 of the per-pixel scatter, and the mean within three
     * standard errors of 3 (the exact two-area estimate; its error is at most the per-pixel scatter
     * over √pixels, as the smoothed r are means of the same noise).
     */
    @Test
    void averagingReducesTheScatterOfTheExponent() {
        double[] image = image(3.2e9, false, 11);
        int ch = GRID.channels();
        PowerLawBackground bg = background(PowerLawEstimator.TWO_AREA_EXACT);
        PowerLawFit fit = new PowerLawFit();
        double[] single = new double[NY * NX];
        double[] spectrum = new double[ch];
        for (int p = 0; p < single.length; p++) {
            System.arraycopy(image, p * ch, spectrum, 0, ch);
            bg.fit(spectrum, fit);
            single[p] = fit.exponent();
        }
        System.arraycopy(image, 0, spectrum, 0, ch);
        assertTrue(spectrum[50] > 150 && spectrum[50] < 260 && spectrum[99] > 80 && spectrum[99] < 160, "window counts " + spectrum[50] + " … " + spectrum[99]);
        double[] averaged = blockwise(image, 7, 5, new SpatialKernel(2, false), PowerLawEstimator.TWO_AREA_EXACT)[1];
        double sdSingle = sd(single, 3.0);
        double sdLba = sd(averaged, 3.0);
        System.out.printf("r scatter: per pixel %.4f, LBA %.4f%n", sdSingle, sdLba);
        assertTrue(sdLba < 0.4 * sdSingle, "LBA " + sdLba + " vs per pixel " + sdSingle);
        assertEquals(3.0, mean(averaged), 3 * sdSingle / Math.sqrt(averaged.length));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v, double truth) {
        double s = 0;
        for (double x : v) {
            s += (x - truth) * (x - truth);
        }
        return Math.sqrt(s / v.length);
    }
}
