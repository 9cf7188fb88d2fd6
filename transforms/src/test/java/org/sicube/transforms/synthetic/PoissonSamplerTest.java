package org.sicube.transforms.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PoissonSamplerTest {

    private static final int DRAWS = 400_000;

    /**
     * Sample mean within 4 standard errors sqrt(λ/n) of λ, sample variance within 4 standard errors
     * sqrt((λ + 2λ²)/n) of λ (the variance of s² for Poisson data; fourth central moment λ + 3λ²).
     * With a fixed seed the outcome is deterministic; 4 SE keeps the test honest without flakiness.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 3.0, 9.99, 10.0, 30.0, 1e4})
    void meanAndVarianceMatchLambda(double lambda) {
        PixelRandom rng = new PixelRandom(PixelRandom.pixelKey(42, 0, 0, (long) (lambda * 1000)));
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            double k = PoissonSampler.sample(rng, lambda);
            sum += k;
            sumSq += k * k;
        }
        double mean = sum / DRAWS;
        double var = (sumSq - DRAWS * mean * mean) / (DRAWS - 1);
        double seMean = Math.sqrt(lambda / DRAWS);
        double seVar = Math.sqrt((lambda + 2 * lambda * lambda) / DRAWS);
        assertEquals(lambda, mean, 4 * seMean, "mean at lambda " + lambda);
        assertEquals(lambda, var, 4 * seVar, "variance at lambda " + lambda);
    }

    /** P(k) for λ = 30 (PTRS branch) against the pmf: each cell within 4 binomial standard errors. */
    @Test
    void ptrsFollowsThePmf() {
        double lambda = 30;
        int[] hist = new int[100];
        PixelRandom rng = new PixelRandom(7);
        for (int i = 0; i < DRAWS; i++) {
            hist[(int) PoissonSampler.sample(rng, lambda)]++;
        }
        for (int k = 15; k <= 45; k++) {
            double p = Math.exp(-lambda + k * Math.log(lambda) - PoissonSampler.logFactorial(k));
            double se = Math.sqrt(p * (1 - p) / DRAWS);
            assertEquals(p, hist[k] / (double) DRAWS, 4 * se, "P(" + k + ")");
        }
    }

    @Test
    void logFactorialMatchesDirectSum() {
        double s = 0;
        for (int k = 1; k <= 5000; k++) {
            s += Math.log(k);
            assertEquals(s, PoissonSampler.logFactorial(k), 1e-12 * s + 1e-12, "ln " + k + "!");
        }
    }

    @Test
    void zeroMeanGivesZero() {
        assertEquals(0, PoissonSampler.sample(new PixelRandom(1), 0.0));
    }

    /** Alias-table frequencies within 4 binomial standard errors of the weights. */
    @Test
    void aliasTableDrawsInProportion() {
        double[] w = {0.0, 1.0, 2.5, 0.5, 6.0};
        AliasTable t = AliasTable.of(w);
        int[] hist = new int[w.length];
        PixelRandom rng = new PixelRandom(3);
        for (int i = 0; i < DRAWS; i++) {
            hist[t.sample(rng)]++;
        }
        assertEquals(0, hist[0]);
        for (int i = 1; i < w.length; i++) {
            double p = w[i] / 10.0;
            assertEquals(p, hist[i] / (double) DRAWS, 4 * Math.sqrt(p * (1 - p) / DRAWS), "channel " + i);
        }
        assertTrue(hist[4] > hist[2]);
    }
}
