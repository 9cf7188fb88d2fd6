package org.sicube.transforms.synthetic;

import org.sicube.transforms.physics.EnergyGrid;

/**
 * Adds a Gaussian peak integrated over each channel of an energy grid: channel i receives
 * area · [Φ((b − μ)/σ) − Φ((a − μ)/σ)] for its bounds a, b = E_i ∓ scale/2, within ±8σ of μ (zero
 * beyond). Φ via erf of Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5·10⁻⁷).
 */
final class GaussianBins {

    private static final double SPAN_SIGMAS = 8.0;

    private GaussianBins() {
    }

    static void add(double[] spectrum, EnergyGrid grid, double centreEv, double sigmaEv, double area) {
        int lo = (int) Math.max(0, Math.floor(grid.channelOf(centreEv - SPAN_SIGMAS * sigmaEv)));
        int hi = (int) Math.min(grid.channels() - 1, Math.ceil(grid.channelOf(centreEv + SPAN_SIGMAS * sigmaEv)));
        double inv = 1.0 / (Math.sqrt(2.0) * sigmaEv);
        double half = 0.5 * grid.scaleEv();
        for (int i = lo; i <= hi; i++) {
            double e = grid.energyEv(i);
            double p = 0.5 * (erf((e + half - centreEv) * inv) - erf((e - half - centreEv) * inv));
            if (p > 0) {
                spectrum[i] += area * p;
            }
        }
    }

    static double erf(double x) {
        double ax = Math.abs(x);
        double t = 1.0 / (1.0 + 0.3275911 * ax);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double y = 1.0 - poly * Math.exp(-ax * ax);
        return x >= 0 ? y : -y;
    }
}
