package org.sicube.transforms.anomaly;

import java.io.Serializable;
import java.util.Locale;

/**
 * How many pixels carry each component of a decomposition: for the weighted scores s_nc of
 * component c over the N pixels with counts, the participation ratio of their signal part,
 * P_c = (Σ_n s_nc² − N σ²)² / Σ_n s_nc⁴, the effective number of pixels (m pixels of equal score and
 * zeros elsewhere give exactly m). σ² is the noise variance of a weighted score (for Poisson counts
 * 1/T whatever the unit loading, T the total counts), so N σ² is the part of Σ s² that noise alone
 * gives every component; without it a strong component of m pixels reads as m·(1 + N σ²/S)². A major phase is carried by a sizeable fraction of the image; a
 * component with P_c below a small fraction of the pixels is a rare phase that the objective
 * truncation kept because the Poisson weighting gives its own element's channels large weighted
 * variance. A mergeable accumulator (two sums per component).
 */
public final class ComponentSupport implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Default largest fraction of the pixels with counts that a rare-phase component is carried by. */
    public static final double DEFAULT_RARE_FRACTION = 1e-3;

    private final double[] sum2;
    private final double[] sum4;
    private final double noiseVariance;
    private long pixels;

    private ComponentSupport(int components, double noiseVariance) {
        if (!(noiseVariance >= 0)) {
            throw new IllegalArgumentException("the noise variance of a score must be ≥ 0, got " + noiseVariance);
        }
        this.sum2 = new double[components];
        this.sum4 = new double[components];
        this.noiseVariance = noiseVariance;
    }

    /** An empty accumulator for K components whose scores have noise variance σ² each. */
    public static ComponentSupport zero(int components, double noiseVariance) {
        return new ComponentSupport(components, noiseVariance);
    }

    /** Sums of the given moments: {@code sum2[c] = Σ s²}, {@code sum4[c] = Σ s⁴} over {@code pixels} pixels. */
    public static ComponentSupport of(double[] sum2, double[] sum4, long pixels, double noiseVariance) {
        ComponentSupport s = new ComponentSupport(sum2.length, noiseVariance);
        System.arraycopy(sum2, 0, s.sum2, 0, sum2.length);
        System.arraycopy(sum4, 0, s.sum4, 0, sum4.length);
        s.pixels = pixels;
        return s;
    }

    /**
     * Adds the scores of a block ({@code pixels × K}, pixel-major); pixels whose {@code totals} are
     * 0 (no counts) are left out.
     */
    public ComponentSupport add(double[] scores, double[] totals, int pixels) {
        int k = sum2.length;
        for (int n = 0; n < pixels; n++) {
            if (totals[n] > 0) {
                this.pixels++;
                for (int c = 0; c < k; c++) {
                    double s2 = scores[n * k + c] * scores[n * k + c];
                    sum2[c] += s2;
                    sum4[c] += s2 * s2;
                }
            }
        }
        return this;
    }

    public ComponentSupport merge(ComponentSupport o) {
        for (int c = 0; c < sum2.length; c++) {
            sum2[c] += o.sum2[c];
            sum4[c] += o.sum4[c];
        }
        pixels += o.pixels;
        return this;
    }

    public int components() {
        return sum2.length;
    }

    /** Pixels with counts that were added. */
    public long pixels() {
        return pixels;
    }

    public double sum2(int c) {
        return sum2[c];
    }

    public double sum4(int c) {
        return sum4[c];
    }

    /** σ², the noise variance of one weighted score. */
    public double noiseVariance() {
        return noiseVariance;
    }

    /** The participation ratio of component c's signal, in pixels (0 when noise explains all of Σ s²). */
    public double effectivePixels(int c) {
        double signal = Math.max(0, sum2[c] - pixels * noiseVariance);
        return sum4[c] > 0 ? signal * signal / sum4[c] : 0;
    }

    /**
     * The components to keep in a model of the major phases: all but those carried by fewer than
     * {@code fraction} × the pixels with counts. The first component (the mean spectrum of the
     * uncentred weighted PCA) is always kept; {@code fraction} 0 keeps everything.
     */
    public boolean[] majorComponents(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("the rare-component fraction must be in [0, 1), got " + fraction);
        }
        boolean[] kept = new boolean[sum2.length];
        for (int c = 0; c < kept.length; c++) {
            kept[c] = c == 0 || effectivePixels(c) >= fraction * pixels;
        }
        return kept;
    }

    /** One line: the effective pixels of every component and which ones are rare at {@code fraction}. */
    public String report(double fraction) {
        boolean[] kept = majorComponents(fraction);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "effective pixels (participation ratio of the scores' signal) per component, of %d pixels with counts; "
                        + "rare below %.3g × %d = %.1f:", pixels, fraction, pixels, fraction * pixels));
        for (int c = 0; c < kept.length; c++) {
            s.append(String.format(Locale.ROOT, " %d: %.4g%s", c + 1, effectivePixels(c), kept[c] ? "" : " (rare)"));
        }
        return s.toString();
    }
}
