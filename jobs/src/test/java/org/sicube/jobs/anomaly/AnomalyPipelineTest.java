package org.sicube.jobs.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.decompose.ModelFiles;
import org.sicube.jobs.testing.HyperSpy;
import org.sicube.jobs.bench.RarePhaseTruth;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;
import org.sicube.transforms.anomaly.PcaReconstruction;

/**
 * The rare-phase acceptance test through {@code pipeline}, the model fitted on the sample itself
 * (320 × 320 ≈ 10^5 spectra of synthetic EDS, four phases, 200 counts per pixel, four Au-Ag
 * inclusions of 13 pixels). The objective truncation keeps the Au phase as a component of its
 * own; the pass must recognise it as a rare phase by its support and leave it out, so that the
 * inclusions stand out in the residual: recall ≥ 0.95, false-positive rate ≤ 10^-4, each inclusion
 * one region named by an Au line, the reconstruction holding < 10 % of the raw Au Mα counts. The
 * outputs reach results.hspy (opened with HyperSpy) and report.html.
 */
class AnomalyPipelineTest {
    private static final int N = 320;

    @Test
    void rarePhasesAreFoundWithTheSamplesOwnModel(@TempDir Path dir) throws Exception {
        String store = AnomalyJobTest.synthesize(dir, "sample", N, "4", "1");
        Path run = dir.resolve("run");
        long t = System.nanoTime();
        JobRun p = JobRun.of("pipeline", "--input", store, "--output", run.toString());
        assertEquals(0, p.exitCode(), p.err());
        System.out.printf("pipeline: %.1f s%n", (System.nanoTime() - t) / 1e9);
        for (String f : List.of("anomaly_map.png", "regions.json", "regions.csv", "region_residuals.csv",
                "region_1.png", "component_support.json", "results.hspy", "report.html")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        assertTrue(p.out().contains("(rare)") && p.out().contains("left out: component"), p.out());

        RarePhaseTruth acceptance = new RarePhaseTruth(store);
        RarePhaseTruth.Rates rates = acceptance.rates(TestSpark.get(), run.resolve(MaskParquet.DIR));
        System.out.println("anomaly (the sample's own model): " + rates);
        assertTrue(rates.recall() >= 0.95, rates.toString());
        assertTrue(rates.falseRate() <= 1e-4, rates.toString());
        assertEquals(List.of(), acceptance.regionProblems(run.resolve("regions.json"), RarePhaseTruth.AU_LINES));

        Configuration conf = new Configuration();
        double[] major = acceptance.auWindow(TestSpark.get(), AnomalyModels.read(run.toString(), conf, 1e-3));
        double[] all = acceptance.auWindow(TestSpark.get(),
                PcaReconstruction.of(ModelFiles.read(run.toString(), conf)));
        System.out.printf("Au Mα window over the inclusions: raw %.0f counts, major-phase model %.1f (%.1f %%), "
                + "all K components %.1f (%.1f %%)%n", major[0], major[1], 100 * major[1] / major[0], all[1],
                100 * all[1] / all[0]);
        assertTrue(major[1] < 0.1 * major[0], "the major-phase model keeps the Au line: " + major[1]);
        // Why the rare component must go: with it the reconstruction holds most of the Au line.
        assertTrue(all[1] > 0.5 * all[0], "all K components reconstruct only " + all[1] + " of " + all[0]);

        String out = HyperSpy.run("import hyperspy.api as hs, sys\n"
                + "s = hs.load(sys.argv[1])\n"
                + "print(sorted((x.metadata.General.title, x.data.shape) for x in s))\n"
                + "m = [x for x in s if x.metadata.General.title == 'anomaly mask'][0]\n"
                + "print('flagged', int(m.data.sum()))\n", run.resolve("results.hspy"));
        assertTrue(out.contains("('anomaly deviance', (320, 320))"), out);
        assertTrue(out.contains("('anomaly mask', (320, 320))"), out);
        assertTrue(out.contains("('phase map', (320, 320))"), out);
        int regions = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("regions.json").toFile())
                .get("regions").size();
        assertTrue(out.contains("('anomaly region spectra', (" + regions + ", 1024))"), out);
        assertTrue(out.contains("('anomaly region residuals', (" + regions + ", 1024))"), out);
        assertTrue(out.contains("flagged " + (rates.hits() + rates.falsePixels())), out);

        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("<h2>Rare phases (anomaly pass)</h2>"), "report section");
        assertTrue(report.contains("<img src=\"anomaly_map.png\"") && report.contains("<img src=\"region_1.png\""));
        assertTrue(report.contains("<td>Au La") || report.contains("<td>Au Ma"), "region table with lines");
    }
}
