package org.sicube.jobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sicube.jobs.testing.TestSpark;

/**
 * The rare-phase acceptance at full size, in the benchmark profile only ({@code -Dsicube.benchmark=true}):
 * 10^6 spectra × 2048 channels of synthetic EDS at 200 counts per pixel with twelve Au-Ag
 * inclusions of 13 pixels, the model fitted on the store itself. Recall ≥ 0.95, false-positive rate
 * ≤ 10^-4, every inclusion one region named by an Au line, the reconstruction holding < 10 % of the
 * raw Au Mα counts. The store and model are kept in {@code target/bench} between runs.
 */
@EnabledIfSystemProperty(named = "sicube.benchmark", matches = "true")
class AnomalyBenchmarkTest {

    @Test
    void millionSpectraAcceptance() throws Exception {
        List<JsonLine> lines = new ArrayList<>();
        JsonLine a = AnomalyBench.run(TestSpark.get(), Path.of("target", "bench"), SyntheticStores.shape("1e6"), 2048,
                200, 12, 2, 1, line -> {
                    System.out.println(line);
                    lines.add(line);
                });
        assertTrue((Double) a.get("recall") >= 0.95, a.toString());
        assertTrue((Double) a.get("false_positive_rate") <= 1e-4, a.toString());
        assertEquals(List.of(), a.get("region_problems"), a.toString());
        assertTrue((Double) a.get("au_ma_reconstructed_fraction") < 0.1, a.toString());
    }
}
