package org.sicube.jobs.phasemap;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Lloyd iterations on the driver that skip most distance computations (Hamerly 2010, "Making
 * k-means even faster"): each point keeps an upper bound on the distance to its centre and a lower
 * bound on the distance to every other one; while the upper bound is below the lower bound (and
 * below half the distance from its centre to the next), its nearest centre cannot have changed.
 * Late iterations, where only points near a boundary change cluster, then cost O(n) each instead
 * of O(n·P·K).
 *
 * <p>The assignments are those of plain Lloyd steps ({@link Lloyd#nearest}, ties to the lower
 * index): a point is skipped only when its bounds leave a margin far above rounding, and every
 * other point is compared with all centres in the same order. The sums are taken per fixed chunk
 * of {@link Lloyd#CHUNK} points and added in order, so the centres are those of plain steps bit for
 * bit and do not depend on the number of threads.
 */
final class BoundedLloyd {
    /** Relative margin on the bound test: distances are computed to about 1e-15 relative. */
    private static final double MARGIN = 1e-9;

    private final double[] points;
    private final int n;
    private final int k;
    private final int[] labels;
    private final double[] upper;
    private final double[] lower;

    BoundedLloyd(double[] points, int n, int k) {
        this.points = points;
        this.n = n;
        this.k = k;
        this.labels = new int[n];
        this.upper = new double[n];
        this.lower = new double[n];
    }

    /**
     * Steps until no centre moves by more than {@code epsilon} or {@code maxSteps} are taken;
     * {@code centres} are updated in place. Returns the number of steps.
     */
    int iterate(double[][] centres, int maxSteps, double epsilon) {
        int chunks = (n + Lloyd.CHUNK - 1) / Lloyd.CHUNK;
        for (int step = 0; step < maxSteps; step++) {
            boolean first = step == 0;
            double[] half = halfGaps(centres);
            List<Lloyd.Sums> parts = IntStream.range(0, chunks).parallel()
                    .mapToObj(c -> assign(c * Lloyd.CHUNK, Math.min(n, (c + 1) * Lloyd.CHUNK), centres, half, first))
                    .toList();
            Lloyd.Sums total = new Lloyd.Sums(centres.length, k);
            parts.forEach(total::merge);
            double[][] before = new double[centres.length][];
            for (int p = 0; p < centres.length; p++) {
                before[p] = centres[p].clone();
            }
            double move = total.update(centres);
            if (move < epsilon * epsilon) {
                return step + 1;
            }
            widen(before, centres);
        }
        return maxSteps;
    }

    /** Half the distance from each centre to its nearest other centre. */
    private static double[] halfGaps(double[][] centres) {
        double[] half = new double[centres.length];
        for (int p = 0; p < centres.length; p++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int q = 0; q < centres.length; q++) {
                if (q != p) {
                    nearest = Math.min(nearest, Math.sqrt(Lloyd.squaredDistance(centres[p], 0, centres[q])));
                }
            }
            half[p] = nearest / 2;
        }
        return half;
    }

    /** Assigns points {@code from..to-1} and returns their sums per centre. */
    private Lloyd.Sums assign(int from, int to, double[][] centres, double[] half, boolean first) {
        Lloyd.Sums sums = new Lloyd.Sums(centres.length, k);
        for (int i = from; i < to; i++) {
            if (first || !settled(i, centres, half)) {
                scan(i, centres);
            }
            int p = labels[i];
            sums.counts[p]++;
            double[] s = sums.sums[p];
            for (int c = 0; c < k; c++) {
                s[c] += points[i * k + c];
            }
        }
        return sums;
    }

    /** Whether point i's bounds show that its centre is still strictly the nearest. */
    private boolean settled(int i, double[][] centres, double[] half) {
        double bound = Math.max(lower[i], half[labels[i]]);
        if (upper[i] * (1 + MARGIN) < bound) {
            return true;
        }
        upper[i] = Math.sqrt(Lloyd.squaredDistance(points, i * k, centres[labels[i]]));
        return upper[i] * (1 + MARGIN) < bound;
    }

    /** Point i against every centre in order, as {@link Lloyd#nearest}; sets its label and both bounds. */
    private void scan(int i, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (int p = 0; p < centres.length; p++) {
            double d = Lloyd.squaredDistance(points, i * k, centres[p]);
            if (d < bestDistance) {
                second = bestDistance;
                bestDistance = d;
                best = p;
            } else if (d < second) {
                second = d;
            }
        }
        labels[i] = best;
        upper[i] = Math.sqrt(bestDistance);
        lower[i] = Math.sqrt(second);
    }

    /** After the centres moved: each upper bound grows by its centre's move, each lower bound shrinks by the largest other. */
    private void widen(double[][] before, double[][] after) {
        int phases = after.length;
        double[] moved = new double[phases];
        int largest = 0;
        int next = -1;
        for (int p = 0; p < phases; p++) {
            moved[p] = Math.sqrt(Lloyd.squaredDistance(before[p], 0, after[p]));
            if (moved[p] > moved[largest]) {
                largest = p;
            }
        }
        for (int p = 0; p < phases; p++) {
            if (p != largest && (next < 0 || moved[p] > moved[next])) {
                next = p;
            }
        }
        double otherThanLargest = next < 0 ? 0 : moved[next];
        for (int i = 0; i < n; i++) {
            int p = labels[i];
            upper[i] += moved[p];
            lower[i] -= p == largest ? otherThanLargest : moved[largest];
        }
    }
}
