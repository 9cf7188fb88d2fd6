package org.sicube.transforms.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sicube.transforms.synthetic.PixelRandom;
import org.sicube.transforms.synthetic.PoissonSampler;

/**
 * The matched-filter shift fit on a TiO2-like core-loss spectrum: 1024 channels from 400 eV by
 * 0.5 eV, power law A·E^−r with 10^4 counts per channel just below the Ti L2,3 edge (456 eV; white
 * lines σ 1.5 eV) and the O K edge (532 eV), onsets broadened by a logistic of 1 eV.
 */
class ReferenceShiftFitTest {
    private static final int N = 1024;
    private static final double E0 = 400;
    private static final double DE = 0.5;
    private static final double COUNTS = 1e4;

    /** Expected counts per channel, features moved up by {@code shift} channels. */
    static double[] spectrum(double shift, double exponent, double scale) {
        double a = scale * COUNTS * Math.pow(450, exponent);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double e = E0 + (i - shift) * DE;
            double b = a * Math.pow(e, -exponent);
            double steps = 1 + 1.2 * (2.0 / 3 * step(e - 456) + 1.0 / 3 * step(e - 461.5)) + 0.6 * step(e - 532);
            double lines = 2.4 * a * (Math.pow(456, -exponent) * gauss(e - 456) + Math.pow(461.5, -exponent) / 3 * gauss(e - 461.5));
            y[i] = b * steps + lines;
        }
        return y;
    }

    private static double step(double de) {
        return 1 / (1 + Math.exp(-de));
    }

    private static double gauss(double de) {
        double z = de / 1.5;
        return Math.exp(-0.5 * z * z);
    }

    private static double[] poisson(double[] lambda, long seed) {
        PixelRandom rng = new PixelRandom(seed);
        double[] x = new double[lambda.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = PoissonSampler.sample(rng, lambda[i]);
        }
        return x;
    }

    /** Noiseless: the only error is the spline interpolation of the reference, far below 1e-4 channel. */
    @Test
    void noiselessSubChannelShiftIsExact() {
        ReferenceShiftFit fit = new ReferenceShiftFit(spectrum(0, 3, 1), 0, N, 10, N);
        for (double s : new double[] {0.37, -0.37, 0.0, 2.5, -4.81}) {
            assertEquals(s, fit.estimate(spectrum(s, 3, 1)), 1e-4, "shift " + s);
        }
    }

    /**
     * Poisson noise at 10^4 counts per channel: 40 spectra shifted by 0.37 channel; the RMS error
     * must stay below 0.02 channel (the Cramér–Rao bound of this spectrum is about 0.01) and the
     * mean error below 0.01 (4 standard errors of the mean at that RMS).
     */
    @Test
    void noisyShiftWithinTwoHundredthsOfAChannel() {
        ReferenceShiftFit fit = new ReferenceShiftFit(spectrum(0, 3, 1), 0, N, 10, N);
        double[] lambda = spectrum(0.37, 3, 1);
        double sum = 0;
        double sumSq = 0;
        int k = 40;
        for (int seed = 0; seed < k; seed++) {
            double err = fit.estimate(poisson(lambda, 1000 + seed)) - 0.37;
            sum += err;
            sumSq += err * err;
        }
        double rms = Math.sqrt(sumSq / k);
        System.out.printf("shift fit at 1e4 counts/channel: mean error %.4f, RMS %.4f channel%n", sum / k, rms);
        assertTrue(rms < 0.02, "RMS error " + rms);
        assertTrue(Math.abs(sum / k) < 0.01, "mean error " + sum / k);
    }

    /**
     * A pixel with a steeper background (r = 3.3 instead of 3, 0.6 × the level) than the reference:
     * in a window around the edges the local linear background absorbs the difference (within
     * 0.01 channel, noiseless), where a plain cross-correlation is pulled off by more than 0.1.
     */
    @Test
    void differentBackgroundSlopeDoesNotBiasTheShift() {
        double[] ref = spectrum(0, 3, 1);
        double[] pixel = spectrum(0.37, 3.3, 0.6);
        ReferenceShiftFit fit = new ReferenceShiftFit(ref, 80, 330, 10, 250); // 440 … 565 eV
        double found = fit.estimate(pixel);
        double xcorr = new SubChannelShift(N, 10).estimate(pixel, ref);
        System.out.printf("steeper pixel background: fit %.5f, cross-correlation %.4f (true 0.37)%n", found, xcorr);
        assertEquals(0.37, found, 0.01);
        assertTrue(Math.abs(xcorr - 0.37) > 0.1, "cross-correlation " + xcorr);
    }

    @Test
    void windowIsNarrowedToStayInsideTheSpectrum() {
        ReferenceShiftFit fit = new ReferenceShiftFit(spectrum(0, 3, 1), 0, N, 10, N);
        assertEquals(10, fit.from());
        assertEquals(N - 10, fit.to());
    }

    /** A pixel without the reference's edges (a bare power law, with noise) gives no shift. */
    @Test
    void spectrumWithoutTheFeaturesGivesNaN() {
        double[] bare = new double[N];
        for (int i = 0; i < N; i++) {
            bare[i] = COUNTS * Math.pow((E0 + i * DE) / 450, -3);
        }
        ReferenceShiftFit fit = new ReferenceShiftFit(spectrum(0, 3, 1), 0, N, 10, 128);
        assertTrue(Double.isNaN(fit.estimate(poisson(bare, 7))), "standard error " + fit.standardError());
    }

    /** Segments with their own scale and background: same accuracy on the noiseless spectrum. */
    @Test
    void segmentedFitIsExactToo() {
        ReferenceShiftFit fit = new ReferenceShiftFit(spectrum(0, 3, 1), 0, N, 10, 64);
        assertEquals(0.37, fit.estimate(spectrum(0.37, 3.2, 0.8)), 2e-3);
        assertEquals(-2.2, fit.estimate(spectrum(-2.2, 3, 1)), 1e-4);
    }
}
