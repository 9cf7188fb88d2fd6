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
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.TestSpark;
import org.sicube.transforms.anomaly.BlockResiduals;
import org.sicube.transforms.anomaly.ConnectedRegions;
import org.sicube.transforms.anomaly.Reconstruction;

/**
 * The rare-phase acceptance checks of an anomaly run against a synthetic store's ground truth
 * ({@code truth/rare_pixels.csv}): pixel recall and false-positive rate from the Parquet mask, each
 * planted inclusion one region named by an Au line, and how much of the raw Au Mα counts over the
 * inclusions the reconstruction holds.
 */
final class Acceptance {
    static final double AU_MA_KEV = 2.1229;

    /** Recall and false-positive rate of the mask against the truth. */
    record Rates(long truePixels, long hits, long falsePixels, double recall, double falseRate) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "recall %.4f (%d of %d), false pixels %d (rate %.2g)", recall, hits,
                    truePixels, falsePixels, falseRate);
        }
    }

    private final String store;
    private final int ny;
    private final int nx;
    private final List<int[]> rare;
    private final Set<Long> truth = new HashSet<>();

    Acceptance(String store, int ny, int nx) throws Exception {
        this.store = store;
        this.ny = ny;
        this.nx = nx;
        this.rare = readRarePixels(Path.of(store, "truth", "rare_pixels.csv"));
        rare.forEach(p -> truth.add((long) p[0] * nx + p[1]));
    }

    List<int[]> rarePixels() {
        return rare;
    }

    /** The mask's rates; every pixel of the image must be present exactly once. */
    Rates rates(Path mask) {
        Set<Long> flagged = new HashSet<>();
        long covered = 0;
        for (Row r : TestSpark.get().read().parquet(mask.toString()).collectAsList()) {
            byte[] b = (byte[]) r.get(4);
            assertEquals(r.getInt(2) * r.getInt(3), b.length);
            covered += b.length;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 1) {
                    flagged.add((long) (r.getInt(0) + i / r.getInt(3)) * nx + r.getInt(1) + i % r.getInt(3));
                } else {
                    assertEquals(0, b[i]);
                }
            }
        }
        assertEquals((long) ny * nx, covered);
        long hits = flagged.stream().filter(truth::contains).count();
        long falsePixels = flagged.size() - hits;
        return new Rates(truth.size(), hits, falsePixels, (double) hits / truth.size(),
                (double) falsePixels / ((long) ny * nx - truth.size()));
    }

    /** Asserts that every planted inclusion overlaps exactly one region, named by an Au line. */
    void inclusionsAreNamedRegions(Path regionsJson) throws Exception {
        JsonNode regions = new ObjectMapper().readTree(regionsJson.toFile()).get("regions");
        int[] inclusion = ConnectedRegions.label(rare.stream().mapToInt(p -> p[0]).toArray(),
                rare.stream().mapToInt(p -> p[1]).toArray());
        int inclusions = 0;
        for (int k : inclusion) {
            inclusions = Math.max(inclusions, k + 1);
        }
        for (int k = 0; k < inclusions; k++) {
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
    }

    /**
     * Raw and reconstructed counts summed over the rare pixels in Au Mα ± half the detector FWHM at
     * that energy (86 eV), for a store whose channels start at 0 eV.
     */
    double[] auWindow(Reconstruction model, double channelKeV) throws Exception {
        long nxl = nx;
        Set<Long> rareSet = truth;
        List<PixelBlock> blocks = BlockStore.readBlocks(TestSpark.get(), store).filter(b -> {
            for (int i = 0; i < b.pixels(); i++) {
                if (rareSet.contains((b.y0() + i / b.width()) * nxl + b.x0() + i % b.width())) {
                    return true;
                }
            }
            return false;
        }).collect();
        int lo = (int) Math.round((AU_MA_KEV - 0.043) / channelKeV);
        int hi = (int) Math.round((AU_MA_KEV + 0.043) / channelKeV);
        double raw = 0;
        double reconstructed = 0;
        for (PixelBlock b : blocks) {
            BlockResiduals r = new BlockResiduals(model, b.counts(), b.pixels(), b.channels());
            for (int i = 0; i < b.pixels(); i++) {
                if (truth.contains((b.y0() + i / b.width()) * nxl + b.x0() + i % b.width())) {
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

    private static boolean inside(JsonNode box, int[] p) {
        return p[0] >= box.get(0).asInt() && p[1] >= box.get(1).asInt() && p[0] <= box.get(2).asInt()
                && p[1] <= box.get(3).asInt();
    }

    private static List<int[]> readRarePixels(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<int[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
        }
        return out;
    }
}
