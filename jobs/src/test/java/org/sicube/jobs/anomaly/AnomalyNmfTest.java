package org.sicube.jobs.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.decompose.ModelFiles;
import org.sicube.jobs.bench.RarePhaseTruth;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;

/**
 * The anomaly pass with an NMF model: {@code decompose --method nmf} of a nominal synthetic EDS
 * field (four phases, 128 × 128) applied to another field with four Au-Ag inclusions of 13 pixels,
 * x̂ = C·Sᵀ with the per-pixel NNLS abundances. All inclusion pixels flagged, at most the stated
 * false-alarm rate elsewhere, each inclusion one region named by an Au line.
 */
class AnomalyNmfTest {
    private static final int N = 128;

    @Test
    void nmfModelReconstructsTheMajorPhases(@TempDir Path dir) throws Exception {
        String nominal = AnomalyJobTest.synthesize(dir, "nominal", N, "0", "2");
        Path model = dir.resolve("nmf");
        JobRun d = JobRun.of("decompose", "--store", nominal, "--method", "nmf", "--components", "4",
                "--iterations", "40", "--output", model.toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(Files.exists(model.resolve(ModelFiles.NMF_BINARY)));
        String store = AnomalyJobTest.synthesize(dir, "sample", N, "4", "1");
        Path run = dir.resolve("anomaly");
        JobRun a = JobRun.of("anomaly", "--store", store, "--model", model.toString(), "--output", run.toString());
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(a.out().contains("NMF / MCR-ALS, K = 4"), a.out());

        RarePhaseTruth acceptance = new RarePhaseTruth(store);
        RarePhaseTruth.Rates rates = acceptance.rates(TestSpark.get(), run.resolve(MaskParquet.DIR));
        System.out.println("anomaly (NMF model): " + rates);
        assertTrue(rates.recall() >= 0.95, rates.toString());
        assertTrue(rates.falsePixels() <= 2, rates.toString());
        assertEquals(List.of(), acceptance.regionProblems(run.resolve("regions.json"), RarePhaseTruth.AU_LINES));

        JobRun none = JobRun.of("anomaly", "--store", store, "--model", nominal, "--output",
                dir.resolve("none").toString());
        assertEquals(2, none.exitCode(), none.out());
        assertTrue(none.err().contains("neither model.bin nor nmf_model.bin"), none.err());
    }
}
