package org.sicube.jobs.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.decompose.ModelFiles;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.TestSpark;
import org.sicube.transforms.anomaly.BlockResiduals;
import org.sicube.transforms.anomaly.ConnectedRegions;
import org.sicube.transforms.anomaly.PcaReconstruction;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The rare-phase acceptance test at CI size: a model fitted (objective K) on a nominal synthetic
 * EDS image of four phases (316 × 316 ≈ 10^5 spectra, 200 counts per pixel) is applied to another
 * field of the same material holding four Au-Ag inclusions of 13 pixels. Against the ground truth:
 * pixel recall ≥ 0.95, false-positive rate ≤ 10^-4 (the stated false-alarm rate), every inclusion
 * one region named by an Au line, and the reconstruction holds less than 10 % of the raw counts in
 * the Au Mα window over the inclusions (the rare line lives in the residual).
 */
class AnomalyJobTest {
    private static final int N = 316;
    private static final double AU_MA_KEV = 2.1229;

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
                "region_residuals.csv", "region_1.png", "manifest.json")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }

        List<int[]> rare = readRarePixels(Path.of(store, "truth", "rare_pixels.csv"));
        assertEquals(4 * 13, rare.size(), "four discs of radius 2, 13 pixels each");
        Set<Integer> truth = new HashSet<>();
        rare.forEach(p -> truth.add(p[0] * N + p[1]));
        Set<Integer> flagged = readMask(run.resolve(MaskParquet.DIR));
        long hits = flagged.stream().filter(truth::contains).count();
        long falsePixels = flagged.size() - hits;
        double recall = (double) hits / truth.size();
        double falseRate = (double) falsePixels / (N * N - truth.size());
        System.out.printf("anomaly: recall %.4f (%d of %d), false pixels %d (rate %.2g)%n", recall, hits,
                truth.size(), falsePixels, falseRate);
        assertTrue(recall >= 0.95, "recall " + recall);
        assertTrue(falseRate <= 1e-4, "false-positive rate " + falseRate);

        JsonNode regions = new ObjectMapper().readTree(run.resolve("regions.json").toFile()).get("regions");
        int[] inclusion = ConnectedRegions.label(rare.stream().mapToInt(p -> p[0]).toArray(),
                rare.stream().mapToInt(p -> p[1]).toArray());
        for (int k = 0; k < 4; k++) {
            List<JsonNode> touching = new ArrayList<>();
            for (JsonNode r : regions) {
                boolean overlaps = false;
                for (int i = 0; i < rare.size(); i++) {
                    overlaps |= inclusion[i] == k && inside(r.get("box"), rare.get(i));
                }
                if (overlaps) {
                    touching.add(r);
                }
            }
            assertEquals(1, touching.size(), "inclusion " + k + " is one region: " + touching);
            String line = touching.get(0).get("identified").asText();
            assertTrue(line.equals("Au Ma") || line.equals("Au La"), "inclusion " + k + " identified as " + line);
        }

        double[] window = reconstructedAuWindow(store, model.toString(), truth);
        System.out.printf("Au Mα window over the inclusions: raw %.0f counts, reconstructed %.1f (%.1f %%)%n",
                window[0], window[1], 100 * window[1] / window[0]);
        assertTrue(window[1] < 0.1 * window[0], "reconstruction keeps the Au line: " + window[1] + " of " + window[0]);

        // The threshold from the nominal store's distribution instead of the sample's own bulk.
        Path withNominal = dir.resolve("anomaly_nominal");
        JobRun n = JobRun.of("anomaly", "--store", store, "--model", model.toString(), "--nominal", nominal,
                "--output", withNominal.toString());
        assertEquals(0, n.exitCode(), n.err());
        assertTrue(n.out().contains("of the nominal store " + nominal), n.out());
        Set<Integer> flaggedNominal = readMask(withNominal.resolve(MaskParquet.DIR));
        long hitsNominal = flaggedNominal.stream().filter(truth::contains).count();
        assertTrue(hitsNominal >= 0.95 * truth.size(), "recall with --nominal " + hitsNominal);
        assertTrue(flaggedNominal.size() - hitsNominal <= 1e-4 * N * N, "false pixels with --nominal");

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

    private static String synthesize(Path dir, String name, String inclusions, String seed) {
        String store = dir.resolve(name).toString();
        JobRun s = JobRun.of("synthesize", "--size", N + "x" + N, "--channels", "1024", "--energy-scale", "20",
                "--feature-size", "48", "--rare-inclusions", inclusions, "--rare-radius", "2", "--seed", seed,
                "--output", store);
        assertEquals(0, s.exitCode(), s.err());
        return store;
    }

    private static boolean inside(JsonNode box, int[] p) {
        return p[0] >= box.get(0).asInt() && p[1] >= box.get(1).asInt() && p[0] <= box.get(2).asInt()
                && p[1] <= box.get(3).asInt();
    }

    /** Raw and reconstructed counts summed over the rare pixels in Au Mα ± half the detector FWHM (86 eV). */
    private static double[] reconstructedAuWindow(String store, String modelRun, Set<Integer> rare) throws Exception {
        WeightedPcaModel model = ModelFiles.read(modelRun, new Configuration());
        List<PixelBlock> blocks = BlockStore.readBlocks(TestSpark.get(), store).filter(b -> {
            for (int i = 0; i < b.pixels(); i++) {
                if (rare.contains((b.y0() + i / b.width()) * N + b.x0() + i % b.width())) {
                    return true;
                }
            }
            return false;
        }).collect();
        int lo = (int) Math.round((AU_MA_KEV - 0.043) / 0.02);
        int hi = (int) Math.round((AU_MA_KEV + 0.043) / 0.02);
        double raw = 0;
        double reconstructed = 0;
        for (PixelBlock b : blocks) {
            BlockResiduals r = new BlockResiduals(PcaReconstruction.of(model), b.counts(), b.pixels(), b.channels());
            for (int i = 0; i < b.pixels(); i++) {
                if (rare.contains((b.y0() + i / b.width()) * N + b.x0() + i % b.width())) {
                    double[] xHat = r.reconstruction(i);
                    for (int e = lo; e <= hi; e++) {
                        raw += b.counts()[i * b.channels() + e];
                        reconstructed += xHat[e];
                    }
                }
            }
        }
        return new double[] {raw, reconstructed};
    }

    private static List<int[]> readRarePixels(Path csv) throws Exception {
        List<int[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            out.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
        }
        return out;
    }

    /** Flagged pixels of the Parquet mask; every pixel of the image present exactly once. */
    private static Set<Integer> readMask(Path mask) {
        Set<Integer> flagged = new HashSet<>();
        long covered = 0;
        for (Row r : TestSpark.get().read().parquet(mask.toString()).collectAsList()) {
            byte[] b = (byte[]) r.get(4);
            assertEquals(r.getInt(2) * r.getInt(3), b.length);
            covered += b.length;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 1) {
                    flagged.add((r.getInt(0) + i / r.getInt(3)) * N + r.getInt(1) + i % r.getInt(3));
                } else {
                    assertEquals(0, b[i]);
                }
            }
        }
        assertEquals((long) N * N, covered);
        return flagged;
    }
}
