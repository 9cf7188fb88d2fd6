package org.sicube.jobs.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.decomposition.WeightedPcaModel;
import org.sicube.transforms.decomposition.nmf.LossHistory;
import org.sicube.transforms.decomposition.nmf.NmfModel;
import org.sicube.transforms.decomposition.nmf.NmfSums;
import org.sicube.transforms.decomposition.nmf.PurePixelInit;
import org.sicube.transforms.decomposition.nmf.SpectraUpdate;
import org.sicube.transforms.decomposition.nmf.SuccessiveProjections;
import org.sicube.transforms.decomposition.nmf.SuccessiveProjections.Pick;

/**
 * NMF / MCR-ALS of a block store on Spark. Initialisation: the uncentred Poisson-weighted PCA with
 * K loadings (one pass), then the per-pixel points of {@link PurePixelInit}, kept on the
 * executors, and K − F successive-projection picks (one {@code reduce} each; F fixed spectra enter
 * first). Each ALS iteration is one pass over the blocks' non-zero counts (kept in memory when
 * they fit, see {@link NonZeroBlocks}): every block solves its abundances against the current
 * spectra and folds them into the normal equations ({@code treeAggregate} of {@link NmfSums},
 * K × K + E × K doubles), from which the driver updates the spectra. Abundances are never stored.
 */
public final class NmfFit {

    /** The fitted spectra, the loss per iteration, the pixels picked for the start (y·nx + x). */
    public record Result(NmfModel model, LossHistory history, List<Long> picks, boolean converged) {
    }

    private NmfFit() {
    }

    public static Result run(SparkSession spark, NonZeroBlocks blocks, SpectrumImage h, NmfOptions o)
            throws Exception {
        WeightedPcaModel pca = Decomposition.fit(spark, blocks, o.components(), false);
        int k = pca.components();
        if (k < o.components()) {
            throw new IllegalArgumentException("NMF of " + o.components() + " components needs as many channels with counts; "
                    + "the store has " + k);
        }
        List<Long> picks = new ArrayList<>();
        List<double[]> columns = new ArrayList<>(o.fixedSpectra());
        SuccessiveProjections spa = new SuccessiveProjections(k);
        for (double[] f : o.fixedSpectra()) {
            spa.choose(PurePixelInit.point(pca, f));
        }
        int nx = h.nx();
        JavaRDD<PointBlock> points = blocks.rdd().map(b -> PointBlock.of(b, pca, nx)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            while (columns.size() < o.components()) {
                SuccessiveProjections current = spa;
                Pick best = points.map(p -> p.best(current)).reduce(Pick::better);
                if (best == null || !spa.choose(best.point())) {
                    throw new IllegalArgumentException("the data span fewer than " + o.components()
                            + " distinct directions; choose fewer --components");
                }
                picks.add(best.pixel());
                columns.add(PurePixelInit.spectrum(pca, best.point()));
            }
        } finally {
            points.unpersist(false);
        }
        double pixelCounts = sum(pca.channelTotals()) / Math.max(1, pca.pixels());
        NmfModel model = PurePixelInit.model(columns, o.fixedCount(), PurePixelInit.channelWeights(pca, o.poisson()),
                o.poisson(), o.closure(), pixelCounts);
        LossHistory history = new LossHistory(o.tolerance());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        boolean converged = false;
        for (int i = 1; i <= o.iterations() && !converged; i++) {
            NmfModel m = model;
            sc.setJobDescription("nmf: iteration " + i);
            NmfSums sums = blocks.rdd().treeAggregate(NmfSums.zero(h.channels(), o.components()),
                    (acc, b) -> acc.add(b.start(), b.channel(), b.value(), b.pixels(), m), NmfSums::merge);
            converged = history.add(sums.relativeLoss());
            System.out.println(String.format(Locale.ROOT, "nmf: iteration %d relative loss %.9g change %.3g",
                    i, sums.relativeLoss(), history.change(i - 1)));
            model = SpectraUpdate.apply(m, sums);
        }
        return new Result(model, history, picks, converged);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** The PCA points of one block with its place, for the successive-projection passes. */
    record PointBlock(long firstPixel, int width, int nx, int k, double[] points) implements java.io.Serializable {

        static PointBlock of(BlockNonZeros b, WeightedPcaModel pca, int nx) {
            int k = pca.components();
            double[] p = new double[b.pixels() * k];
            PurePixelInit.points(pca, b.start(), b.channel(), b.value(), b.pixels(), p);
            return new PointBlock((long) b.y0() * nx + b.x0(), b.width(), nx, k, p);
        }

        Pick best(SuccessiveProjections spa) {
            Pick best = null;
            for (int n = 0; n < points.length / Math.max(1, k); n++) {
                double r = spa.residual(points, n * k);
                long pixel = firstPixel + (long) (n / width) * nx + n % width;
                if (best == null || r > best.residual() || (r == best.residual() && pixel < best.pixel())) {
                    best = new Pick(r, pixel, java.util.Arrays.copyOfRange(points, n * k, n * k + k));
                }
            }
            return best;
        }
    }
}
