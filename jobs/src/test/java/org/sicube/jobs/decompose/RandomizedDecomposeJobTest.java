package org.sicube.jobs.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.SharedData;

/**
 * {@code decompose --method randomized} on a measured file's store through Spark, for two block
 * sizes: the ratios within 10⁻⁴ of {@code data/REFERENCE.md} and equal across block sizes, the
 * method recorded in model.json, and the model usable by {@code phasemap}.
 */
class RandomizedDecomposeJobTest {
    private static final double[] REFERENCE = {0.745132, 0.0872676, 0.0659429, 0.0209847, 0.00460876};

    @Test
    void randomizedMatchesTheReferenceForAnyBlockSize(@TempDir Path dir) throws Exception {
        Path input = SharedData.file("30x30_instructively_packed_16bit_compressed.bcf");
        String[] blocks = {"16x16", "7x13"};
        double[][] ratios = new double[2][];
        for (int i = 0; i < 2; i++) {
            String store = dir.resolve("store" + i).toString();
            JobRun ingest = JobRun.of("ingest", "--input", input.toString(), "--output", store, "--block", blocks[i]);
            assertEquals(0, ingest.exitCode(), ingest.err());
            Path run = dir.resolve("run" + i);
            JobRun r = JobRun.of("decompose", "--store", store, "--output", run.toString(), "--method", "randomized");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("decompose: method randomized given by --method"), r.out());

            JsonNode model = new ObjectMapper().readTree(run.resolve("model.json").toFile());
            assertEquals("randomized", model.get("method").get("name").asText());
            assertEquals(60, model.get("method").get("eigenvaluesComputed").asInt());
            JsonNode r0 = model.get("explainedVarianceRatios");
            ratios[i] = new double[r0.size()];
            for (int j = 0; j < ratios[i].length; j++) {
                ratios[i][j] = r0.get(j).asDouble();
            }
            for (int j = 0; j < REFERENCE.length; j++) {
                assertEquals(REFERENCE[j], ratios[i][j], 1e-4 * REFERENCE[j], "ratio " + (j + 1));
            }
            assertEquals(61, Files.readAllLines(run.resolve("scree.csv")).size());

            Path phases = dir.resolve("phases" + i);
            JobRun p = JobRun.of("phasemap", "--store", store, "--model", run.toString(), "--output", phases.toString(),
                    "--phases", "3");
            assertEquals(0, p.exitCode(), p.err());
            assertEquals(4, Files.readAllLines(phases.resolve("phases.csv")).size());
        }
        for (int j = 0; j < ratios[0].length; j++) {
            assertEquals(ratios[0][j], ratios[1][j], 1e-9 * ratios[0][j], "ratio " + (j + 1) + " across block sizes");
        }
    }

    @Test
    void anUnknownMethodIsAUserError(@TempDir Path dir) throws Exception {
        String store = dir.resolve("store").toString();
        JobRun s = JobRun.of("synthesize", "--size", "8x8", "--channels", "64", "--rare-inclusions", "0", "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        JobRun r = JobRun.of("decompose", "--store", store, "--output", dir.resolve("run").toString(), "--method", "svd");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--method must be pca, exact, randomized or nmf"), r.err());
    }
}
