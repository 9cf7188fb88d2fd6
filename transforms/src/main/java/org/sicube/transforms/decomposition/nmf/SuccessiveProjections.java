package org.sicube.transforms.decomposition.nmf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The successive projection algorithm (Araújo et al. 2001; Gillis &amp; Vavasis 2014) for picking
 * the purest pixels: among points r_n in a K-dimensional score space, repeatedly take the one
 * farthest from the span of those already taken, i.e. with the largest ‖(I − QQᵀ) r_n‖², Q an
 * orthonormal basis of the chosen points. For data on a simplex of pure spectra (noise aside) the
 * picks are its vertices. This object holds Q; the search over pixels is the caller's (one pass
 * per pick, reduced with {@link Pick#better}).
 */
public final class SuccessiveProjections implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int dimension;
    private final List<double[]> basis = new ArrayList<>();

    public SuccessiveProjections(int dimension) {
        this.dimension = dimension;
    }

    /** ‖(I − QQᵀ) r‖² for r = {@code point[offset .. offset + K)}. */
    public double residual(double[] point, int offset) {
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            norm += point[offset + i] * point[offset + i];
        }
        for (double[] q : basis) {
            double d = 0;
            for (int i = 0; i < dimension; i++) {
                d += q[i] * point[offset + i];
            }
            norm -= d * d;
        }
        return Math.max(0, norm);
    }

    /** Adds a chosen point's direction to Q (Gram–Schmidt, twice for stability); false if it lies in the span. */
    public boolean choose(double[] point) {
        double[] v = point.clone();
        for (int pass = 0; pass < 2; pass++) {
            for (double[] q : basis) {
                double d = 0;
                for (int i = 0; i < dimension; i++) {
                    d += q[i] * v[i];
                }
                for (int i = 0; i < dimension; i++) {
                    v[i] -= d * q[i];
                }
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 1e-12 * Math.max(1e-300, Math.sqrt(dot(point, point))))) {
            return false;
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= norm;
        }
        basis.add(v);
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public int chosen() {
        return basis.size();
    }

    /**
     * A candidate pixel: its residual, its index y·nx + x, its score point. Ties go to the lower
     * index, so the pick does not depend on how the image is cut into blocks.
     */
    public record Pick(double residual, long pixel, double[] point) implements Serializable {

        public static Pick better(Pick a, Pick b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            if (a.residual != b.residual) {
                return a.residual > b.residual ? a : b;
            }
            return a.pixel <= b.pixel ? a : b;
        }
    }
}
