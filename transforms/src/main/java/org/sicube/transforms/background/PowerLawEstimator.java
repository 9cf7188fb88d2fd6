package org.sicube.transforms.background;

/** How {@link PowerLawBackground} estimates A and r in its window. */
public enum PowerLawEstimator {
    /** The closed-form two-area estimate (Egerton; HyperSpy's default), see {@link TwoAreaMethod}. */
    TWO_AREA,
    /** Two areas, solving the exact area ratio of a power law for r (a few secant steps). */
    TWO_AREA_EXACT,
    /**
     * Straight line through (ln E_i, ln(y_i/ΔE)) over the window channels with y_i &gt; 0, weighted
     * by y_i (the inverse Poisson variance of ln y_i).
     */
    LOG_LOG
}
