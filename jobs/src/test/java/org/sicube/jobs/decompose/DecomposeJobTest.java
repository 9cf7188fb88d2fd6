package org.sicube.jobs.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.SharedData;
import org.apache.hadoop.conf.Configuration;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The decompose job on a measured file's store against {@code data/REFERENCE.md}, through Spark,
 * with two block sizes: the result must not depend on how the image was cut into blocks.
 */
class DecomposeJobTest {
    private static final double[] REFERENCE = {0.745132, 0.0872676, 0.0659429, 0.0209847, 0.00460876};

    @Test
    void measuredBcfMatchesTheReferenceForAnyBlockSize(@TempDir Path dir) throws Exception {
        Path input = SharedData.file("30x30_instructively_packed_16bit_compressed.bcf");
        double[][] ratios = new double[2][];
        double[][][] loadings = new double[2][][];
        String[] blocks = {"16x16", "7x13"};
        for (int i = 0; i < 2; i++) {
            String store = dir.resolve("store" + i).toString();
            JobRun ingest = JobRun.of("ingest", "--input", input.toString(), "--output", store, "--block", blocks[i]);
            assertEquals(0, ingest.exitCode(), ingest.err());
            Path run = dir.resolve("run" + i);
            JobRun r = JobRun.of("decompose", "--store", store, "--output", run.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("Marchenko–Pastur edge"), r.out());

            JsonNode model = new ObjectMapper().readTree(run.resolve("model.json").toFile());
            int k = model.get("components").asInt();
            assertTrue(k >= 5 && k < 100, "K = " + k);
            assertEquals(28, model.get("maskedChannels").asInt());
            assertEquals(900, model.get("pixels").asLong());
            ratios[i] = new double[model.get("explainedVarianceRatios").size()];
            for (int j = 0; j < ratios[i].length; j++) {
                ratios[i][j] = model.get("explainedVarianceRatios").get(j).asDouble();
            }
            // The reference is printed to 6 significant digits.
            for (int j = 0; j < REFERENCE.length; j++) {
                assertEquals(REFERENCE[j], ratios[i][j], 5e-6 * REFERENCE[j], "ratio " + (j + 1));
            }
            loadings[i] = readLoadings(run.resolve("loadings.csv"), k);
            for (String f : List.of("loadings.png", "scree.csv", "scree.png", "score_1.png", "score_" + k + ".png",
                    "model.bin", "manifest.json")) {
                assertTrue(Files.exists(run.resolve(f)), f);
            }
            assertEquals(2048 - 28 + 1, Files.readAllLines(run.resolve("scree.csv")).size());
            JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
            assertTrue(manifest.get("config").get("truncation").asText().startsWith("K = " + k));
            WeightedPcaModel m = ModelFiles.read(run.toString(), new Configuration());
            assertEquals(k, m.components());
            System.out.println("decompose " + blocks[i] + ": K = " + k + ", ratios " + java.util.Arrays.toString(
                    java.util.Arrays.copyOf(ratios[i], 5)));
        }
        for (int j = 0; j < ratios[0].length; j++) {
            assertEquals(ratios[0][j], ratios[1][j], 1e-9 * ratios[0][j], "ratio " + (j + 1) + " across block sizes");
        }
        assertEquals(loadings[0].length, loadings[1].length);
        for (int c = 0; c < loadings[0].length; c++) {
            double[] a = loadings[0][c];
            double[] b = loadings[1][c];
            double scale = 0;
            double dot = 0;
            for (int e = 0; e < a.length; e++) {
                scale = Math.max(scale, Math.abs(a[e]));
                dot += a[e] * b[e];
            }
            double sign = Math.signum(dot);
            for (int e = 0; e < a.length; e++) {
                assertEquals(a[e], sign * b[e], 1e-9 * scale, "component " + (c + 1) + " channel " + e);
            }
        }
    }

    /** Columns component_1..K of loadings.csv, as [component][channel]. */
    private static double[][] readLoadings(Path csv, int k) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("channel,energy_keV," + String.join(",",
                java.util.stream.IntStream.rangeClosed(1, k).mapToObj(c -> "component_" + c).toList()), lines.get(0));
        double[][] l = new double[k][lines.size() - 1];
        for (int e = 1; e < lines.size(); e++) {
            String[] f = lines.get(e).split(",");
            for (int c = 0; c < k; c++) {
                l[c][e - 1] = Double.parseDouble(f[2 + c]);
            }
        }
        return l;
    }
}
