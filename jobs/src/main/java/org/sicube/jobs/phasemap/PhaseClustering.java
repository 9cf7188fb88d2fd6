package org.sicube.jobs.phasemap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.jobs.decompose.KeptUnitScores;
import org.sicube.jobs.decompose.UnitScores;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * K-means on the unit-normalised score vectors of all pixels with counts ({@link UnitScores}). A store
 * of at most {@link #KMEANS_SAMPLE} pixels is clustered whole on the driver by k-means++ seeding and
 * Lloyd iterations to convergence, its vectors computed in one pass (or kept by the decomposition's
 * score pass). A larger store's vectors are computed in one pass and cached per block (or derived
 * from the blocks' scores the decomposition's score pass kept on the executors); a seeded sample
 * of {@link #KMEANS_SAMPLE} of them (the same for any partitioning: drawn per block from its origin) is
 * clustered on the driver, then at most {@link #REFINEMENTS} Lloyd passes over all cached vectors
 * refine the centres, until no centre moves
 * by more than {@link #EPSILON} (MLlib's default). The number of phases P, unless given, is the P in
 * 2..{@link #MAX_PHASES} with the largest mean silhouette (Rousseeuw 1987) on {@link #SAMPLE} of the
 * sampled vectors (clustered and scored on the driver: O(SAMPLE²·K)); the silhouettes are reported.
 * A cost-drop (elbow) rule was rejected: on Poisson-noisy unit vectors the within-cluster cost keeps
 * falling by 15–20 % per extra cluster past the true number.
 */
public final class PhaseClustering {
    public static final int MAX_PHASES = 10;
    static final int SAMPLE = 2_000;
    public static final int ITERATIONS = 100;
    /** Vectors clustered on the driver: 8·K bytes each, 16 MB at K = 20, whatever the image size. */
    static final int KMEANS_SAMPLE = 100_000;
    static final int REFINEMENTS = 5;
    static final double EPSILON = 1e-4;

    /** The centres found and the sentence saying how P was chosen. */
    public record Result(double[][] centres, String report) {
    }

    private PhaseClustering() {
    }

    /** Whether a store of {@code spectra} pixels is clustered whole on the driver (no sample, no refinement). */
    public static boolean clustersAll(long spectra) {
        return spectra <= KMEANS_SAMPLE;
    }

    /** Where a score pass should keep the unit score vectors for clustering a store of {@code spectra} pixels. */
    public static KeptUnitScores.Where keepFor(long spectra) {
        return clustersAll(spectra) ? KeptUnitScores.Where.ON_DRIVER : KeptUnitScores.Where.ON_EXECUTORS;
    }

    /**
     * {@code spectra}: the pixels of the store, with or without counts (bounds the vectors to
     * cluster); {@code kept}: every pixel's unit score vector when the decomposition's score pass
     * kept them ({@link #keepFor} says where), else null: then they are computed here in one pass.
     */
    public static Result cluster(JavaRDD<BlockNonZeros> blocks, long spectra, WeightedPcaModel model, Integer phases,
            long seed, KeptUnitScores kept) {
        return cluster(blocks, spectra, model, phases, seed, kept, KMEANS_SAMPLE);
    }

    /** As {@link #cluster(JavaRDD, long, WeightedPcaModel, Integer, long, KeptUnitScores)} with a sample of {@code sampleSize}. */
    static Result cluster(JavaRDD<BlockNonZeros> blocks, long spectra, WeightedPcaModel model, Integer phases,
            long seed, KeptUnitScores kept, int sampleSize) {
        int k = model.components();
        // a store whose pixels all fit the driver's sample is clustered whole: one pass, nothing cached
        boolean sampled = spectra > sampleSize;
        List<UnitScores> onDriver = kept == null ? null : kept.onDriver();
        JavaRDD<UnitScores> units = kept == null ? null : kept.onExecutors();
        boolean own = sampled && units == null;
        if (units == null) {
            units = blocks.map(b -> UnitScores.of(b, model));
        }
        if (own) {
            units = units.persist(StorageLevel.MEMORY_AND_DISK());
        }
        try {
            long n;
            double fraction;
            List<UnitScores> parts;
            if (sampled) {
                n = units.aggregate(0L, (acc, u) -> acc + u.n(), Long::sum);
                fraction = Math.min(1.0, (double) sampleSize / n);
                parts = new ArrayList<>(units.map(u -> fraction < 1 ? u.sample(fraction, seed, k) : u)
                        .filter(u -> u.n() > 0).collect());
            } else {
                fraction = 1;
                parts = new ArrayList<>(onDriver != null ? onDriver : units.collect());
                parts.removeIf(u -> u.n() == 0);
                n = parts.stream().mapToLong(UnitScores::n).sum();
            }
            if (n < 2) {
                throw new IllegalArgumentException("phase map: only " + n + " pixels with counts; nothing to cluster");
            }
            parts.sort(Comparator.comparingInt(UnitScores::y0).thenComparingInt(UnitScores::x0));
            int m = parts.stream().mapToInt(UnitScores::n).sum();
            double[] sample = new double[m * k];
            int at = 0;
            for (UnitScores u : parts) {
                System.arraycopy(u.points(), 0, sample, at, u.points().length);
                at += u.points().length;
            }
            int p;
            String report;
            if (phases != null) {
                p = (int) Math.min(phases, m);
                report = "P = " + p + " given by --phases";
            } else {
                p = 2;
                double best = Double.NEGATIVE_INFINITY;
                StringBuilder scores = new StringBuilder();
                double[][] points = silhouetteSample(sample, m, k, seed);
                double[] flat = new double[points.length * k];
                for (int i = 0; i < points.length; i++) {
                    System.arraycopy(points[i], 0, flat, i * k, k);
                }
                for (int q = 2; q <= Math.min(MAX_PHASES, points.length - 1); q++) {
                    double[][] c = local(flat, points.length, k, q, seed);
                    int[] labels = new int[points.length];
                    for (int i = 0; i < labels.length; i++) {
                        labels[i] = Lloyd.nearest(flat, i * k, c);
                    }
                    double sil = Silhouette.mean(points, labels, q);
                    scores.append(String.format(Locale.ROOT, "%s%d: %.3f", q == 2 ? "" : ", ", q, sil));
                    if (sil > best) {
                        best = sil;
                        p = q;
                    }
                }
                report = String.format(Locale.ROOT, "P = %d: the number of K-means clusters (2..%d) with the largest "
                        + "mean silhouette on a seeded sample of %d unit score vectors (%s)",
                        p, MAX_PHASES, points.length, scores);
            }
            double[][] centres = local(sample, m, k, p, seed);
            int passes = 0;
            while (fraction < 1 && passes < REFINEMENTS) {
                double[][] c = centres;
                Lloyd.Sums sums = units.treeAggregate(new Lloyd.Sums(p, k), (acc, u) -> acc.add(u.points(), u.n(), k, c),
                        Lloyd.Sums::merge);
                passes++;
                if (sums.update(centres) < EPSILON * EPSILON) {
                    break;
                }
            }
            return new Result(centres, report + String.format(Locale.ROOT, "; K-means: k-means++ and Lloyd on %d of %d "
                    + "unit score vectors, then %d Lloyd passes over all", m, n, passes));
        } finally {
            if (own) {
                units.unpersist();
            }
        }
    }

    /** At most {@link #SAMPLE} of the m sampled vectors, chosen by a seeded shuffle. */
    private static double[][] silhouetteSample(double[] sample, int m, int k, long seed) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[][] points = new double[Math.min(SAMPLE, m)][];
        for (int i = 0; i < points.length; i++) {
            points[i] = Arrays.copyOfRange(sample, order[i] * k, (order[i] + 1) * k);
        }
        return points;
    }

    /** k-means++ and Lloyd iterations on the driver until no centre moves by more than {@link #EPSILON}. */
    static double[][] local(double[] points, int n, int k, int phases, long seed) {
        double[][] centres = Lloyd.seed(points, n, k, phases, seed);
        new BoundedLloyd(points, n, k).iterate(centres, ITERATIONS, EPSILON);
        return centres;
    }
}
