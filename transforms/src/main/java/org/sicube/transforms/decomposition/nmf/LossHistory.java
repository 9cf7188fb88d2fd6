package org.sicube.transforms.decomposition.nmf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The convergence test of the ALS: the relative loss (weighted squared residual over the weighted
 * squared data, {@link NmfSums#relativeLoss}) per iteration, and its relative change
 * |L_{i−1} − L_i| / L_{i−1}; converged when that change falls below the tolerance.
 */
public final class LossHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double tolerance;
    private final List<Double> losses = new ArrayList<>();

    public LossHistory(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be non-negative, got " + tolerance);
        }
        this.tolerance = tolerance;
    }

    /** Records iteration i's loss; true when the change from the previous one is below the tolerance. */
    public boolean add(double relativeLoss) {
        losses.add(relativeLoss);
        return losses.size() > 1 && change(losses.size() - 1) < tolerance;
    }

    /** Relative change at iteration i (NaN for the first). */
    public double change(int i) {
        if (i < 1) {
            return Double.NaN;
        }
        double previous = losses.get(i - 1);
        double d = Math.abs(previous - losses.get(i));
        return previous > 0 ? d / previous : d;
    }

    public List<Double> losses() {
        return List.copyOf(losses);
    }

    public int iterations() {
        return losses.size();
    }

    public double tolerance() {
        return tolerance;
    }
}
