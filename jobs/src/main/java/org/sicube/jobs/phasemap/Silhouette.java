package org.sicube.jobs.phasemap;

/**
 * The mean silhouette (Rousseeuw 1987) of a labelled sample: per point, a = mean distance to the
 * other points of its cluster, b = the smallest mean distance to the points of another cluster,
 * s = (b − a) / max(a, b) (0 for a point alone in its cluster). Euclidean distances, O(n²·d):
 * meant for a sample of a few thousand points on the driver.
 */
final class Silhouette {
    private Silhouette() {
    }

    static double mean(double[][] points, int[] labels, int clusters) {
        int n = points.length;
        int[] sizes = new int[clusters];
        for (int l : labels) {
            sizes[l]++;
        }
        double total = 0;
        double[] sums = new double[clusters];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[labels[j]] += distance(points[i], points[j]);
                }
            }
            int own = labels[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < clusters; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double m = Math.max(a, b);
            total += m > 0 && Double.isFinite(b) ? (b - a) / m : 0;
        }
        return total / n;
    }

    private static double distance(double[] x, double[] y) {
        double d = 0;
        for (int k = 0; k < x.length; k++) {
            double diff = x[k] - y[k];
            d += diff * diff;
        }
        return Math.sqrt(d);
    }
}
