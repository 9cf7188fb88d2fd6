package org.sicube.jobs.noise;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.transforms.noise.NeighbourDifferences;
import scala.Tuple2;

/**
 * The Spark passes of {@code noise}: the value range (min, max in DN) and the (mean, variance,
 * count) bins of pixel pairs, each one {@code treeAggregate} of per-partition accumulators (memory
 * bounded by the number of bins, whatever the image size).
 */
final class NoisePass {
    private NoisePass() {
    }

    /** {@code [min, max]} of all values (DN). */
    static double[] valueRange(JavaRDD<PixelBlock> blocks) {
        return blocks.treeAggregate(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, (r, b) -> {
            for (float v : b.counts()) {
                if (v < r[0]) {
                    r[0] = v;
                }
                if (v > r[1]) {
                    r[1] = v;
                }
            }
            return r;
        }, (r, s) -> new double[] {Math.min(r[0], s[0]), Math.max(r[1], s[1])});
    }

    /** Horizontal neighbour pairs inside each block (pairs across block edges are not formed). */
    static NeighbourDifferences neighbours(JavaRDD<PixelBlock> blocks, NeighbourDifferences zero) {
        return blocks.treeAggregate(zero, (acc, b) -> acc.add(b.counts(), b.height(), b.width(), b.channels()),
                NeighbourDifferences::merge);
    }

    /** The same pixel in two acquisitions; the stores' blocks are matched by their origin (same tiling). */
    static NeighbourDifferences frames(JavaRDD<PixelBlock> first, JavaRDD<PixelBlock> second,
            NeighbourDifferences zero) {
        JavaPairRDD<Tuple2<Integer, Integer>, PixelBlock> a = first.keyBy(b -> new Tuple2<>(b.y0(), b.x0()));
        JavaPairRDD<Tuple2<Integer, Integer>, PixelBlock> b = second.keyBy(s -> new Tuple2<>(s.y0(), s.x0()));
        return a.join(b).values().treeAggregate(zero, (acc, p) -> acc.addFrames(p._1().counts(), p._2().counts()),
                NeighbourDifferences::merge);
    }
}
