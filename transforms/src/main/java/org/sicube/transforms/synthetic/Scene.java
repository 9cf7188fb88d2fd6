package org.sicube.transforms.synthetic;

/**
 * Where each phase is in a synthetic image: label(y, x) in 0..phases−1 from the grain or layer
 * layout, or {@code phases} (the rare phase) inside an inclusion; and a smooth relative thickness
 * t(y, x) = 1 + amplitude · field(y, x). Everything is a pure function of (seed, y, x).
 */
public final class Scene {

    private static final int STREAM_CELLS = 11;
    private static final int STREAM_THICKNESS = 12;
    private static final double JITTER_LO = 0.25;
    private static final double JITTER_SPAN = 0.5;

    private final int height;
    private final int width;
    private final Layout layout;
    private final int feature;
    private final double[] cumulative;
    private final Inclusions inclusions;
    private final SmoothField thicknessField;
    private final double thicknessAmplitude;
    private final long seed;
    private final double wavePhase;

    public Scene(int height, int width, Layout layout, int featureSizePx, double[] phaseWeights,
                 Inclusions inclusions, double thicknessAmplitude, long seed) {
        this.height = height;
        this.width = width;
        this.layout = layout;
        this.feature = featureSizePx;
        this.inclusions = inclusions;
        this.thicknessAmplitude = thicknessAmplitude;
        this.seed = seed;
        this.thicknessField = new SmoothField(seed, STREAM_THICKNESS, height, width);
        this.cumulative = new double[phaseWeights.length];
        double sum = 0;
        for (double w : phaseWeights) {
            sum += w;
        }
        double acc = 0;
        for (int p = 0; p < phaseWeights.length; p++) {
            acc += phaseWeights[p] / sum;
            cumulative[p] = acc;
        }
        this.wavePhase = 2.0 * Math.PI * PixelRandom.uniformOf(seed ^ 0x5A5A5A5AL);
    }

    public int phases() {
        return cumulative.length;
    }

    /** Phase label of pixel (y, x); {@link #phases()} marks the rare inclusion phase. */
    public int label(int y, int x) {
        if (inclusions.count() > 0 && inclusions.contains(y, x)) {
            return cumulative.length;
        }
        return layout == Layout.GRAINS ? grainLabel(y, x) : layerLabel(y, x);
    }

    /** Relative thickness (mean about 1) at (y, x). */
    public double thickness(int y, int x) {
        return thicknessAmplitude == 0 ? 1.0 : 1.0 + thicknessAmplitude * thicknessField.at(y, x);
    }

    public Inclusions inclusions() {
        return inclusions;
    }

    /** Voronoi over one seed point per cell, jittered within the central half of the cell: with
     *  that jitter the nearest seed always lies in the 3 × 3 cells around the pixel's own. */
    private int grainLabel(int y, int x) {
        int gy = Math.floorDiv(y, feature);
        int gx = Math.floorDiv(x, feature);
        double best = Double.MAX_VALUE;
        long bestKey = 0;
        for (int cy = gy - 1; cy <= gy + 1; cy++) {
            for (int cx = gx - 1; cx <= gx + 1; cx++) {
                long key = PixelRandom.pixelKey(seed, STREAM_CELLS, cy, cx);
                double sy = (cy + JITTER_LO + JITTER_SPAN * PixelRandom.uniformOf(key)) * feature;
                double sx = (cx + JITTER_LO + JITTER_SPAN * PixelRandom.uniformOf(key + 1)) * feature;
                double d = (sy - y) * (sy - y) + (sx - x) * (sx - x);
                if (d < best) {
                    best = d;
                    bestKey = key;
                }
            }
        }
        return pick(PixelRandom.uniformOf(bestKey + 2));
    }

    private int layerLabel(int y, int x) {
        double wave = 0.2 * feature * Math.sin(2.0 * Math.PI * x / (4.0 * feature) + wavePhase);
        int band = (int) Math.floor((y + wave) / feature);
        return Math.floorMod(band, cumulative.length);
    }

    private int pick(double u) {
        for (int p = 0; p < cumulative.length - 1; p++) {
            if (u < cumulative[p]) {
                return p;
            }
        }
        return cumulative.length - 1;
    }
}
