package org.sicube.jobs.noise;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.sicube.datasets.writers.plot.VarianceMeanPng;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.noise.NeighbourDifferences;

/**
 * Writes a {@code noise} run: {@code noise.json} ({@link NoiseEstimate}), {@code variance_mean.csv}
 * (one row per non-empty bin: mean above the offset in DN, variance in DN², pairs, whether it
 * entered the fit, the fitted variance) and {@code variance_mean.png} (the fitted bins and the line).
 */
final class NoiseOutputs {
    static final String CSV = "variance_mean.csv";
    static final String PNG = "variance_mean.png";

    private NoiseOutputs() {
    }

    static void write(RunDirectory run, NeighbourDifferences d, long minPairs, NoiseEstimate e) throws IOException {
        run.writeString(NoiseEstimate.FILE, e.toJson());
        int n = d.bins();
        double[] m = new double[n];
        double[] v = new double[n];
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(run.create(CSV), StandardCharsets.UTF_8))) {
            w.write("bin,mean_dn,variance_dn2,pairs,fitted,fit_variance_dn2\n");
            for (int b = 0; b < n; b++) {
                double mean = d.mean(b) - e.offset();
                boolean used = d.pairs(b) >= minPairs && d.variance(b) > 0;
                m[b] = used ? mean : Double.NaN;
                v[b] = used ? d.variance(b) : Double.NaN;
                if (d.pairs(b) > 0) {
                    w.write(String.format(Locale.ROOT, "%d,%.8g,%.8g,%d,%d,%.8g%n", b, mean, d.variance(b), d.pairs(b),
                            used ? 1 : 0, e.gain() * mean + e.readVariance()));
                }
            }
        }
        VarianceMeanPng.of(m, v)
                .line(e.gain(), e.readVariance(), String.format(Locale.ROOT, "g = %.4g DN/count, σr² = %.4g DN²",
                        e.gain(), e.readVariance()))
                .title("Variance–mean (" + e.method() + "): " + e.points() + " bins, " + e.pairs() + " pixel pairs")
                .write(run.localFile(PNG));
        run.manifest()
                .output(NoiseEstimate.FILE, "gain g (DN per count), read variance σr² (DN²), their standard errors")
                .output(CSV, "per mean-level bin: mean (DN above the offset), variance (DN²), pairs, fitted or not")
                .output(PNG, "the variance–mean plot: fitted bins and the line variance = g·mean + σr²")
                .count("gain", e.gain()).count("readVariance", e.readVariance()).count("points", e.points())
                .count("pairs", e.pairs());
    }
}
