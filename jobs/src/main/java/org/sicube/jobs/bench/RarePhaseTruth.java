package org.sicube.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.store.BlockStore;
import org.sicube.transforms.anomaly.BlockResiduals;
import org.sicube.transforms.anomaly.ConnectedRegions;
import org.sicube.transforms.anomaly.Reconstruction;

/**
 * Scores an anomaly run against a synthetic store's ground truth ({@code truth/rare_pixels.csv}):
 * pixel recall and false-positive rate of the Parquet mask, whether each planted inclusion is one
 * region named by an expected line, and how many of the raw counts in a line window over the
 * inclusions a model's reconstruction holds.
 */
public final class RarePhaseTruth {
    /** Au Mα in keV, the synthetic rare phase's own line. */
    public static final double AU_MA_KEV = 2.1229;
    /** The names a region of the synthetic Au-Ag inclusions may get. */
    public static final Set<String> AU_LINES = Set.of("Au Ma", "Au La");
    /** Half the detector FWHM at Au Mα (86 eV at 130 eV Mn Kα), keV. */
    public static final double HALF_FWHM_AU_MA_KEV = 0.043;

    /** Recall and false-positive rate of a mask. */
    public record Rates(long truePixels, long hits, long falsePixels, double recall, double falseRate) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "recall %.4f (%d of %d), false pixels %d (rate %.2g)", recall, hits,
                    truePixels, falsePixels, falseRate);
        }
    }

    private final String store;
    private final EnergyAxis axis;
    private final int ny;
    private final int nx;
    private final List<int[]> rare;
    private final Set<Long> truth = new HashSet<>();

    public RarePhaseTruth(String store) throws java.io.IOException {
        this.store = store;
        SpectrumImage h = BlockStore.readHeader(store, new Configuration()).header();
        this.axis = h.energy();
        this.ny = h.ny();
        this.nx = h.nx();
        List<String> lines = Files.readAllLines(Path.of(store, "truth", "rare_pixels.csv"));
        this.rare = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rare.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
        }
        rare.forEach(p -> truth.add((long) p[0] * nx + p[1]));
    }

    /** The planted pixels, {y, x} each. */
    public List<int[]> rarePixels() {
        return rare;
    }

    /** The mask's rates; every pixel of the image must be in the mask exactly once. */
    public Rates rates(SparkSession spark, Path mask) {
        Set<Long> flagged = new HashSet<>();
        long covered = 0;
        for (Row r : spark.read().parquet(mask.toString()).collectAsList()) {
            byte[] b = (byte[]) r.get(4);
            int w = r.getInt(3);
            covered += b.length;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 1) {
                    flagged.add((long) (r.getInt(0) + i / w) * nx + r.getInt(1) + i % w);
                } else if (b[i] != 0) {
                    throw new IllegalStateException(mask + ": mask value " + b[i] + " is neither 0 nor 1");
                }
            }
        }
        if (covered != (long) ny * nx) {
            throw new IllegalStateException(mask + " covers " + covered + " pixels of " + (long) ny * nx);
        }
        long hits = flagged.stream().filter(truth::contains).count();
        long falsePixels = flagged.size() - hits;
        return new Rates(truth.size(), hits, falsePixels, (double) hits / truth.size(),
                (double) falsePixels / ((long) ny * nx - truth.size()));
    }

    /**
     * What is wrong with the regions of {@code regionsJson}: one message per planted inclusion that
     * is not exactly one region, or whose region is not named by one of {@code lines}; empty if none.
     */
    public List<String> regionProblems(Path regionsJson, Set<String> lines) throws java.io.IOException {
        JsonNode regions = new ObjectMapper().readTree(regionsJson.toFile()).get("regions");
        int[] inclusion = ConnectedRegions.label(rare.stream().mapToInt(p -> p[0]).toArray(),
                rare.stream().mapToInt(p -> p[1]).toArray());
        int inclusions = inclusions();
        List<String> problems = new ArrayList<>();
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
            if (touching.size() != 1) {
                problems.add("inclusion " + k + " overlaps " + touching.size() + " regions");
            } else if (!lines.contains(touching.get(0).get("identified").asText())) {
                problems.add("inclusion " + k + " named " + touching.get(0).get("identified").asText());
            }
        }
        return problems;
    }

    /** Planted inclusions (8-connected groups of rare pixels). */
    public int inclusions() {
        int[] inclusion = ConnectedRegions.label(rare.stream().mapToInt(p -> p[0]).toArray(),
                rare.stream().mapToInt(p -> p[1]).toArray());
        int n = 0;
        for (int k : inclusion) {
            n = Math.max(n, k + 1);
        }
        return n;
    }

    /** Raw and reconstructed counts summed over the planted pixels in the channels of {@code [lo, hi]} keV. */
    public double[] window(SparkSession spark, Reconstruction model, double loKeV, double hiKeV)
            throws java.io.IOException {
        long nxl = nx;
        Set<Long> rareSet = truth;
        List<PixelBlock> blocks = BlockStore.readBlocks(spark, store).filter(b -> {
            for (int i = 0; i < b.pixels(); i++) {
                if (rareSet.contains((b.y0() + i / b.width()) * nxl + b.x0() + i % b.width())) {
                    return true;
                }
            }
            return false;
        }).collect();
        int lo = Math.max(0, (int) Math.round((loKeV * 1000 - axis.offsetEv()) / axis.scaleEv()));
        int hi = Math.min(axis.size() - 1, (int) Math.round((hiKeV * 1000 - axis.offsetEv()) / axis.scaleEv()));
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

    /** {@link #window} over Au Mα ± half the detector FWHM. */
    public double[] auWindow(SparkSession spark, Reconstruction model) throws java.io.IOException {
        return window(spark, model, AU_MA_KEV - HALF_FWHM_AU_MA_KEV, AU_MA_KEV + HALF_FWHM_AU_MA_KEV);
    }

    private static boolean inside(JsonNode box, int[] p) {
        return p[0] >= box.get(0).asInt() && p[1] >= box.get(1).asInt() && p[0] <= box.get(2).asInt()
                && p[1] <= box.get(3).asInt();
    }
}
