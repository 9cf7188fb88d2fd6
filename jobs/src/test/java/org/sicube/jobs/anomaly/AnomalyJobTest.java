package org.sicube.jobs.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.bench.RarePhaseTruth;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;

/**
 * The rare-phase acceptance test at CI size with a model fitted (objective K) on a nominal
 * synthetic EDS image of four phases (316 × 316 ≈ 10^5 spectra, 200 counts per pixel) and applied
 * to another field of the same material holding four Au-Ag inclusions of 13 pixels. Against the
 * ground truth: pixel recall ≥ 0.95, false-positive rate ≤ 10^-4 (the stated false-alarm rate),
 * every inclusion one region named by an Au line, and the reconstruction holds less than 10 % of
 * the raw counts in the Au Mα window over the inclusions (the rare line lives in the residual).
 */
class AnomalyJobTest {
    private static final int N = 316;

    @Test
    void plantedInclusionsAreFoundAndNamed(@TempDir Path dir) throws Exception {
        String nominal = synthesize(dir, "nominal", "0", "2");
        Path model = dir.resolve("model");
        JobRun d = JobRun.of("decompose", "--store", nominal, "--output", model.toString());
        assertEquals(0, d.exitCode(), d.err());
        String store = synthesize(dir, "sample", "4", "1");
        Path run = dir.resolve("anomaly");
        long t = System.nanoTime();
        JobRun a = JobRun.of("anomaly", "--store", store, "--model", model.toString(), "--output", run.toString());
        assertEquals(0, a.exitCode(), a.err());
        System.out.printf("anomaly job: %.1f s%n", (System.nanoTime() - t) / 1e9);
        for (String f : List.of("anomaly_map.png", "deviance_histogram.csv", "regions.json", "regions.csv",
                "region_residuals.csv", "region_1.png", "results.hspy", "report.html", "manifest.json")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        // Fitted on a nominal field, every component is a major phase: none is left out.
        assertTrue(a.out().contains("4 of K = 4 components"), a.out());

        RarePhaseTruth acceptance = new RarePhaseTruth(store);
        assertEquals(4 * 13, acceptance.rarePixels().size(), "four discs of radius 2, 13 pixels each");
        RarePhaseTruth.Rates rates = acceptance.rates(TestSpark.get(), run.resolve(MaskParquet.DIR));
        System.out.println("anomaly (nominal model): " + rates);
        assertTrue(rates.recall() >= 0.95, rates.toString());
        assertTrue(rates.falseRate() <= 1e-4, rates.toString());
        assertEquals(List.of(), acceptance.regionProblems(run.resolve("regions.json"), RarePhaseTruth.AU_LINES));
        double[] window = acceptance.auWindow(TestSpark.get(),
                AnomalyModels.read(model.toString(), new Configuration(), 1e-3));
        System.out.printf("Au Mα window over the inclusions: raw %.0f counts, reconstructed %.1f (%.1f %%)%n",
                window[0], window[1], 100 * window[1] / window[0]);
        assertTrue(window[1] < 0.1 * window[0], "reconstruction keeps the Au line: " + window[1] + " of " + window[0]);

        // The threshold from the nominal store's distribution instead of the sample's own bulk.
        Path withNominal = dir.resolve("anomaly_nominal");
        JobRun n = JobRun.of("anomaly", "--store", store, "--model", model.toString(), "--nominal", nominal,
                "--output", withNominal.toString());
        assertEquals(0, n.exitCode(), n.err());
        assertTrue(n.out().contains("of the nominal store " + nominal), n.out());
        RarePhaseTruth.Rates nominalRates = acceptance.rates(TestSpark.get(), withNominal.resolve(MaskParquet.DIR));
        assertTrue(nominalRates.recall() >= 0.95, "with --nominal: " + nominalRates);
        assertTrue(nominalRates.falseRate() <= 1e-4, "with --nominal: " + nominalRates);

        String mismatched = dir.resolve("other_axis").toString();
        JobRun s = JobRun.of("synthesize", "--size", "16x16", "--channels", "512", "--energy-scale", "20",
                "--rare-inclusions", "0", "--output", mismatched);
        assertEquals(0, s.exitCode(), s.err());
        JobRun bad = JobRun.of("anomaly", "--store", mismatched, "--model", model.toString(),
                "--output", dir.resolve("bad").toString());
        assertEquals(2, bad.exitCode(), bad.out());
        assertTrue(bad.err().contains("1024 ch from 0.00000 keV by 0.0200000 keV")
                && bad.err().contains("512 ch from 0.00000 keV by 0.0200000 keV"),
                bad.err());
        assertTrue(!Files.exists(dir.resolve("bad")));
    }

    static String synthesize(Path dir, String name, String inclusions, String seed) {
        return synthesize(dir, name, N, inclusions, seed);
    }

    /** A size × size synthetic EDS store (1024 channels of 20 eV, grains of 48 px, inclusions of radius 2). */
    static String synthesize(Path dir, String name, int size, String inclusions, String seed) {
        String store = dir.resolve(name).toString();
        JobRun s = JobRun.of("synthesize", "--size", size + "x" + size, "--channels", "1024", "--energy-scale", "20",
                "--feature-size", "48", "--rare-inclusions", inclusions, "--rare-radius", "2", "--seed", seed,
                "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        return store;
    }
}
