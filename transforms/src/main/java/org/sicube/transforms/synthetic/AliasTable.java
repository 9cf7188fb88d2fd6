package org.sicube.transforms.synthetic;

/**
 * Walker's alias table built by Vose's method (Vose 1991, IEEE Trans. Software Eng. 17, 972): draws a
 * channel index with probability proportional to non-negative weights in O(1) with one uniform.
 * Rebuildable in place so a worker can reuse its arrays.
 */
public final class AliasTable {

    private final double[] prob;
    private final int[] alias;
    private final int[] small;
    private final int[] large;
    private final double[] scaled;
    private int n;

    public AliasTable(int capacity) {
        prob = new double[capacity];
        alias = new int[capacity];
        small = new int[capacity];
        large = new int[capacity];
        scaled = new double[capacity];
    }

    public static AliasTable of(double[] weights) {
        AliasTable t = new AliasTable(weights.length);
        t.rebuild(weights, weights.length);
        return t;
    }

    /** Rebuilds over weights[0..count); needs a positive, finite sum. */
    public void rebuild(double[] weights, int count) {
        if (count > prob.length || count <= 0) {
            throw new IllegalArgumentException("alias table capacity " + prob.length + ", asked for " + count);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double w = weights[i];
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weight " + i + " is " + w + "; weights must be finite and >= 0");
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("alias table needs a positive total weight");
        }
        n = count;
        int ns = 0;
        int nl = 0;
        double f = count / sum;
        for (int i = 0; i < count; i++) {
            scaled[i] = weights[i] * f;
            if (scaled[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        // Leftovers are 1 up to rounding.
        while (nl > 0) {
            int l = large[--nl];
            prob[l] = 1.0;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            prob[s] = 1.0;
            alias[s] = s;
        }
    }

    public int size() {
        return n;
    }

    /** One index drawn with probability weight[i] / Σ weight. */
    public int sample(PixelRandom rng) {
        double u = rng.nextDouble() * n;
        int i = (int) u;
        if (i >= n) {
            i = n - 1;
        }
        return (u - i) < prob[i] ? i : alias[i];
    }
}
