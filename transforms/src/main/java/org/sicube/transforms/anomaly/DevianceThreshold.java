package org.sicube.transforms.anomaly;

import java.io.Serializable;
import java.util.Locale;

/**
 * The deviance above which a pixel is anomalous, for a stated per-pixel false-alarm rate α, fitted
 * to the central bulk of the nominal deviance distribution only. The cube root of a χ²-like
 * statistic is close to normal (Wilson &amp; Hilferty 1931), so u = D^(1/3) is modelled as
 * N(μ, σ²) with μ = median(u) and σ = IQR(u) / 1.349 (the IQR of a unit normal); the threshold is
 * (μ + z σ)³ with z = Φ⁻¹(1 − α). Median and quartiles move by at most f / density when a fraction
 * f of the pixels is anomalous, so the anomalies themselves (f ≪ 25 %) cannot raise the threshold.
 *
 * @param alpha     the per-pixel false-alarm rate asked for
 * @param deviance  the threshold on D
 * @param median    median of D over pixels with counts
 * @param sigma     robust σ of D^(1/3)
 * @param z         Φ⁻¹(1 − α)
 * @param pixels    pixels with counts the fit used
 * @param report    one line stating the rule and its numbers
 */
public record DevianceThreshold(double alpha, double deviance, double median, double sigma, double z, long pixels,
        String report) implements Serializable {

    /** IQR of the standard normal: 2 Φ⁻¹(0.75). */
    static final double NORMAL_IQR = 1.3489795003921634;

    public static DevianceThreshold fit(LogHistogram nominal, double alpha, String source) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("the false-alarm rate must be in (0, 0.5), got " + alpha);
        }
        long pixels = nominal.count() - nominal.zeros();
        if (pixels < 4) {
            throw new IllegalArgumentException("the nominal distribution (" + source + ") has only " + pixels
                    + " pixels with counts; a threshold needs more");
        }
        double median = nominal.quantile(0.5);
        double mu = Math.cbrt(median);
        double sigma = (Math.cbrt(nominal.quantile(0.75)) - Math.cbrt(nominal.quantile(0.25))) / NORMAL_IQR;
        double z = -NormalQuantile.of(alpha);
        double u = mu + z * sigma;
        double threshold = u * u * u;
        String report = String.format(Locale.ROOT,
                "threshold D > %.6g for a per-pixel false-alarm rate of %.3g: D^(1/3) of the %d pixels with counts "
                        + "of %s modelled as normal from its median %.6g and IQR/1.349 = %.6g (median D = %.6g), "
                        + "z = Φ⁻¹(1 − α) = %.4f",
                threshold, alpha, pixels, source, mu, sigma, median, z);
        return new DevianceThreshold(alpha, threshold, median, sigma, z, pixels, report);
    }

    public boolean flags(double d) {
        return d > deviance;
    }
}
