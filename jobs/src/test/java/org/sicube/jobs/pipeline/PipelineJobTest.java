package org.sicube.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.SharedData;

/** The pipeline from a measured file and from a store to a complete run directory. */
class PipelineJobTest {

    @Test
    void measuredBcfGivesACompleteRunDirectory(@TempDir Path dir) throws Exception {
        Path input = SharedData.file("30x30_instructively_packed_16bit_compressed.bcf");
        Path run = dir.resolve("run");
        JobRun r = JobRun.of("pipeline", "--input", input.toString(), "--output", run.toString(), "--block", "16x16",
                "--components", "4", "--phases", "3");
        assertEquals(0, r.exitCode(), r.err());

        for (String f : List.of("store/header.json", "total_counts.png", "sum_spectrum.csv", "sum_spectrum.png",
                "loadings.csv", "scree.png", "score_1.png", "model.bin", "phase_map.png", "phases.csv",
                "phase_spectra.csv", "results.hspy", "labels", "anomaly_map.png", "regions.json", "regions.csv",
                "anomaly_mask", "manifest.json")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        try (var files = Files.list(run)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".crc")));
        }
        JsonNode m = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        // The report shows every picture the manifest lists, and the run's numbers.
        String report = Files.readString(run.resolve("report.html"));
        for (var it = m.get("outputs").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.endsWith(".png")) {
                assertTrue(report.contains("<img src=\"" + name + "\""), name);
            }
        }
        assertTrue(report.contains("18621362"), "total counts in the report");
        assertEquals("pipeline", m.get("job").asText());
        assertEquals(18621362, m.get("counts").get("totalCounts").asDouble());
        assertEquals(64, m.get("inputs").get(0).get("sha256").asText().length());
        assertEquals(List.of("ingest", "overview", "preprocess", "decompose", "phasemap", "anomaly"),
                m.get("stages").findValuesAsText("name"));
        assertEquals("eds-survey", m.get("config").get("preprocessing").asText(), "EDS gets the survey config by default");
        // a measured file of this size fits memory: the passes after the Gram read the kept blocks
        assertTrue(m.get("config").get("blocks").asText().startsWith("non-zero counts kept in executor memory"),
                m.get("config").get("blocks").asText());
        assertTrue(Files.exists(run.resolve("preprocessed/header.json")));
        assertTrue(m.get("versions").get("spark").asText().startsWith("4.1"));
        assertEquals(4, m.get("counts").get("components").asInt());
        assertEquals(3, m.get("counts").get("phases").asInt());
        assertEquals(4, Files.readAllLines(run.resolve("phases.csv")).size());

        // The sum spectrum CSV adds up to the file's total counts (REFERENCE.md).
        double sum = Files.readAllLines(run.resolve("sum_spectrum.csv")).stream().skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[2])).sum();
        assertEquals(18621362, sum, 0.5);
        BufferedImage map = ImageIO.read(run.resolve("total_counts.png").toFile());
        assertTrue(map.getWidth() >= 512, "map width " + map.getWidth());
    }

    @Test
    void storeInputIsUsedAsIsAndAnExistingRunIsNotReplaced(@TempDir Path dir) throws Exception {
        String store = dir.resolve("store").toString();
        assertEquals(0, JobRun.of("synthesize", "--size", "20x24", "--channels", "256", "--energy-scale", "80",
                "--rare-inclusions", "2", "--output", store).exitCode());
        Path run = dir.resolve("run");
        JobRun r = JobRun.of("pipeline", "--input", store, "--output", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.exists(run.resolve("store")));
        long before = Files.getLastModifiedTime(run.resolve("manifest.json")).toMillis();

        JobRun again = JobRun.of("pipeline", "--input", store, "--output", run.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(before, Files.getLastModifiedTime(run.resolve("manifest.json")).toMillis());

        JobRun over = JobRun.of("pipeline", "--input", store, "--output", run.toString(), "--overwrite", "--phases", "3",
                "--nmf", "3", "--nmf-closure");
        assertEquals(0, over.exitCode(), over.err());
        assertTrue(over.out().contains("nmf: NMF K = 3 (0 fixed), closure"), over.out());
        assertTrue(Files.exists(run.resolve("nmf_spectra.csv")) && Files.exists(run.resolve("abundance_3.png")));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the store and the run, no temporary directories");
        }
    }

    @Test
    void preprocessingConfigIsChosenCheckedAndApplied(@TempDir Path dir) throws Exception {
        String store = dir.resolve("store").toString();
        assertEquals(0, JobRun.of("synthesize", "--size", "16x16", "--channels", "256", "--energy-scale", "80",
                "--rare-inclusions", "0", "--output", store).exitCode());

        // A display config (here normalized) cannot feed a Poisson decomposition.
        Path normalized = dir.resolve("normalized.yaml");
        Files.writeString(normalized, "for: display\nstages:\n  - type: normalize\n    method: total\n");
        JobRun display = JobRun.of("pipeline", "--input", store, "--output", dir.resolve("a").toString(),
                "--config", normalized.toString());
        assertEquals(2, display.exitCode(), display.out());
        assertTrue(display.err().contains("config key for: is 'display'"), display.err());
        JobRun unknown = JobRun.of("pipeline", "--input", store, "--output", dir.resolve("b").toString(),
                "--config", "eds-surveys");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("eds-surveys: no such config file"), unknown.err());
        JobRun badKey = JobRun.of("pipeline", "--input", store, "--output", dir.resolve("c").toString(),
                "--set", "stages[0].belo=200");
        assertEquals(2, badKey.exitCode());
        assertTrue(badKey.err().contains("stages[0].belo"), badKey.err());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "rejected before any output");
        }

        // A built-in config by name, with an override: channels below 1 keV are zero in the decomposed store.
        Path run = dir.resolve("run");
        JobRun r = JobRun.of("pipeline", "--input", store, "--output", run.toString(), "--config", "eds-survey",
                "--set", "stages[0].below=1000", "--components", "2", "--phases", "2");
        assertEquals(0, r.exitCode(), r.err());
        List<String> loadings = Files.readAllLines(run.resolve("loadings.csv"));
        double toEv = loadings.get(0).startsWith("channel,energy_keV") ? 1000 : 1;
        double below = loadings.stream().skip(1).map(l -> l.split(","))
                .filter(f -> Double.parseDouble(f[1]) * toEv < 950).mapToDouble(f -> Math.abs(Double.parseDouble(f[2]))).sum();
        assertEquals(0, below, 0, "loadings vanish on the masked channels");

        Path none = dir.resolve("none");
        assertEquals(0, JobRun.of("pipeline", "--input", store, "--output", none.toString(), "--config", "none",
                "--components", "2", "--phases", "2").exitCode());
        assertFalse(Files.exists(none.resolve("preprocessed")));
    }

    @Test
    void eelsIsNotPreprocessedByDefaultAndItsAlignmentMapIsReported(@TempDir Path dir) throws Exception {
        String store = dir.resolve("eels").toString();
        assertEquals(0, JobRun.of("synthesize", "--kind", "eels", "--size", "16x16", "--channels", "512",
                "--output", store).exitCode());
        Path plain = dir.resolve("plain");
        assertEquals(0, JobRun.of("pipeline", "--input", store, "--output", plain.toString(), "--components", "2",
                "--phases", "2").exitCode());
        assertEquals("none", new ObjectMapper().readTree(plain.resolve("manifest.json").toFile())
                .get("config").get("preprocessing").asText());

        Path aligned = dir.resolve("aligned");
        JobRun r = JobRun.of("pipeline", "--input", store, "--output", aligned.toString(), "--config",
                "eels-decomposition", "--components", "2", "--phases", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(aligned.resolve("preprocessed/map_images/align_shift.png")));
        assertTrue(Files.readString(aligned.resolve("report.html"))
                .contains("<img src=\"preprocessed/map_images/align_shift.png\""), "the shift map in the report");
    }
}
