package org.sicube.transforms.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CowTest {

    static final double[] CENTRES = {150, 420, 700, 880};

    static double peaks(double x) {
        double s = 20;
        for (double c : CENTRES) {
            double t = (x - c) / 6.0;
            s += 1000 * Math.exp(-0.5 * t * t);
        }
        return s;
    }

    static double rippled(double x) {
        return peaks(x) + 30 * Math.sin(2 * Math.PI * x / 37);
    }

    static int argmaxNear(double[] y, double c) {
        int best = (int) c - 30;
        for (int i = (int) c - 30; i <= (int) c + 30; i++) {
            if (y[i] > y[best]) {
                best = i;
            }
        }
        return best;
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    /**
     * The sample is the target under a smooth non-linear warp (shifts up to 12 channels); COW with
     * 40-channel segments and slack 3 puts every peak back within 1 channel and lifts the
     * correlation with the target above 0.995.
     */
    @Test
    void undoesANonLinearWarp() {
        int n = 1000;
        double[] target = new double[n];
        double[] sample = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = peaks(i);
            // sample(i) = target(w(i)), w(i) = i − 12·sin(π i / 999): features move up to 12 channels.
            sample[i] = peaks(i - 12 * Math.sin(Math.PI * i / (n - 1)));
        }
        double before = pearson(sample, target);
        double[] warped = new double[n];
        Cow cow = new Cow(n, n, 40, 3);
        double mean = cow.warp(sample, target, warped);
        double after = pearson(warped, target);
        assertTrue(after > 0.995 && after > before, "correlation before " + before + ", after " + after);
        // Baseline-only segments correlate near 0 whatever the warp, so the mean is modest but bounded.
        assertTrue(mean > 0 && mean <= 1, "mean segment correlation " + mean);
        for (double c : CENTRES) {
            assertEquals(c, argmaxNear(warped, c), 1.0, "peak at " + c);
        }
        int[] b = cow.sampleBoundaries();
        assertEquals(0, b[0]);
        assertEquals(n - 1, b[b.length - 1]);
    }

    /** An aligned sample is left as it is (to rounding; baseline-only segments are flat to 1e-11). */
    @Test
    void identityWhenAligned() {
        int n = 401;
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = peaks(i + 100);
        }
        double[] warped = new double[n];
        new Cow(n, n, 25, 2).warp(target.clone(), target, warped);
        assertArrayEquals(target, warped, 1e-9);
    }

    /**
     * The peaks plus a ripple of period 37 channels, so that every segment has structure, under
     * the warp of {@link #undoesANonLinearWarp} (features moved by 12·sin(π i/999) channels, the
     * ends pinned): the mean absolute warp found is the true mean displacement 12·2/π = 7.6
     * channels to 1.5 (the warp is piecewise linear per 40-channel segment, with slack 3), and 0
     * for an aligned sample.
     */
    @Test
    void meanAbsoluteWarpMeasuresTheDisplacement() {
        int n = 1000;
        double[] target = new double[n];
        double[] sample = new double[n];
        double truth = 0;
        for (int i = 0; i < n; i++) {
            target[i] = rippled(i);
            double d = 12 * Math.sin(Math.PI * i / (n - 1));
            sample[i] = rippled(i - d);
            truth += d / n;
        }
        Cow cow = new Cow(n, n, 40, 3);
        cow.warp(sample, target, new double[n]);
        assertEquals(truth, cow.meanAbsoluteWarp(), 1.5);
        cow.warp(target, target, new double[n]);
        assertEquals(0.0, cow.meanAbsoluteWarp(), 1e-12);
    }
}
