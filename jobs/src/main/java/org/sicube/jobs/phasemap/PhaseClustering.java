package org.sicube.jobs.phasemap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.storage.StorageLevel;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * K-means (MLlib, k-means|| initialisation, fixed seed) on the unit-normalised score vectors of all
 * pixels with counts. The number of phases P, unless given, is the P in 2..{@link #MAX_PHASES} with
 * the largest mean silhouette (Rousseeuw 1987) of K-means on a seeded sample of at most
 * {@link #SAMPLE} vectors (the sample is clustered and scored on the driver: O(SAMPLE²·K)); the
 * silhouettes are reported. A cost-drop (elbow) rule was rejected: on Poisson-noisy unit vectors
 * the within-cluster cost keeps falling by 15–20 % per extra cluster past the true number.
 */
public final class PhaseClustering {
    public static final int MAX_PHASES = 10;
    static final int SAMPLE = 2_000;
    public static final int ITERATIONS = 100;

    /** The centres found and the sentence saying how P was chosen. */
    public record Result(double[][] centres, String report) {
    }

    private PhaseClustering() {
    }

    public static Result cluster(JavaRDD<PixelBlock> blocks, WeightedPcaModel model, Integer phases, long seed) {
        JavaRDD<Vector> vectors = blocks.flatMap(b -> {
            int k = model.components();
            double[] s = PhaseModel.unitScores(model, b);
            List<Vector> out = new ArrayList<>(b.pixels());
            for (int n = 0; n < b.pixels(); n++) {
                if (!Double.isNaN(s[n * k])) {
                    out.add(Vectors.dense(java.util.Arrays.copyOfRange(s, n * k, (n + 1) * k)));
                }
            }
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long n = vectors.count();
            if (n < 2) {
                throw new IllegalArgumentException("phase map: only " + n + " pixels with counts; nothing to cluster");
            }
            String report;
            int p;
            if (phases != null) {
                p = (int) Math.min(phases, n);
                report = "P = " + p + " given by --phases";
            } else {
                List<Vector> sample = vectors.takeSample(false, (int) Math.min(SAMPLE, n), seed);
                JavaRDD<Vector> small = JavaSparkContext.fromSparkContext(vectors.context()).parallelize(sample, 1);
                double[][] points = new double[sample.size()][];
                for (int i = 0; i < points.length; i++) {
                    points[i] = sample.get(i).toArray();
                }
                p = 2;
                double best = Double.NEGATIVE_INFINITY;
                StringBuilder scores = new StringBuilder();
                for (int q = 2; q <= Math.min(MAX_PHASES, points.length - 1); q++) {
                    KMeansModel km = train(small, q, seed);
                    int[] labels = new int[points.length];
                    for (int i = 0; i < labels.length; i++) {
                        labels[i] = km.predict(sample.get(i));
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
            KMeansModel km = train(vectors, p, seed);
            Vector[] c = km.clusterCenters();
            double[][] centres = new double[c.length][];
            for (int i = 0; i < c.length; i++) {
                centres[i] = c[i].toArray();
            }
            return new Result(centres, report);
        } finally {
            vectors.unpersist();
        }
    }

    private static KMeansModel train(JavaRDD<Vector> vectors, int k, long seed) {
        return new KMeans().setK(k).setSeed(seed).setMaxIterations(ITERATIONS).setInitializationMode("k-means||")
                .run(vectors.rdd());
    }
}
