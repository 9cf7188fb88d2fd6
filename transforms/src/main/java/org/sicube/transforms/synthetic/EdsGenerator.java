package org.sicube.transforms.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates a synthetic STEM-EDS spectrum image tile by tile, with ground truth. Pixel (y, x) has
 * phase {@link #label}, relative thickness t(y, x), and Poisson counts of mean t · (its phase's
 * expected spectrum); its random stream depends only on (seed, y, x), so any tiling gives
 * bit-identical data. Tiles are float[] in the pixel-block layout: row-major pixels, energy fastest.
 * Build once per worker (phase spectra and alias tables are computed here); {@link #fill} is not
 * thread-safe — use one generator per thread.
 */
public final class EdsGenerator {

    private static final int STREAM_COUNTS = 1;

    private final EdsSpec spec;
    private final Scene scene;
    private final List<EdsPhaseModel> models;
    private final List<Phase> phases;
    private final CountSampler sampler;
    private final double[] lambda;
    private final PixelRandom rng = new PixelRandom(0);

    public EdsGenerator(EdsSpec spec) {
        this.spec = spec;
        this.phases = new ArrayList<>(spec.phases());
        if (spec.rareInclusions() > 0) {
            phases.add(spec.rarePhase());
        }
        this.models = new ArrayList<>();
        for (Phase p : phases) {
            models.add(EdsPhaseModel.of(p, spec));
        }
        double[] weights = spec.phases().stream().mapToDouble(Phase::areaWeight).toArray();
        Inclusions inc = new Inclusions(spec.height(), spec.width(), spec.rareInclusions(), spec.rareRadiusPx(), spec.seed());
        this.scene = new Scene(spec.height(), spec.width(), spec.layout(), spec.featureSizePx(), weights, inc,
                spec.thicknessVariation(), spec.seed());
        this.sampler = new CountSampler(spec.grid().channels());
        this.lambda = new double[spec.grid().channels()];
    }

    public EdsSpec spec() {
        return spec;
    }

    /**
     * Fills {@code out} with the h × w tile whose top-left pixel is (y0, x0): counts of pixel
     * (y, x) at ((y − y0) · w + (x − x0)) · channels.
     */
    public void fill(int y0, int x0, int h, int w, float[] out) {
        Tiles.fill(spec.height(), spec.width(), spec.grid().channels(), y0, x0, h, w, out, this::pixel);
    }

    /** Counts of one pixel into out[offset .. offset + channels). */
    public void pixel(int y, int x, float[] out, int offset) {
        int n = spec.grid().channels();
        EdsPhaseModel m = models.get(scene.label(y, x));
        double t = scene.thickness(y, x);
        double total = spec.meanCounts() * t;
        rng.reset(PixelRandom.pixelKey(spec.seed(), STREAM_COUNTS, y, x));
        if (total <= CountSampler.SPARSE_FACTOR * n) {
            CountSampler.multinomial(m.aliasTable(), total, rng, out, offset, n);
        } else {
            for (int e = 0; e < n; e++) {
                lambda[e] = m.expectedAt(e) * t;
            }
            CountSampler.perChannel(lambda, n, rng, out, offset);
        }
    }

    /** Phase label of (y, x): index into {@link #phases()}; the rare phase is the last. */
    public int label(int y, int x) {
        return scene.label(y, x);
    }

    public double thickness(int y, int x) {
        return scene.thickness(y, x);
    }

    /** Expected total counts of pixel (y, x). */
    public double expectedTotal(int y, int x) {
        return spec.meanCounts() * scene.thickness(y, x);
    }

    /** The phases by label: the spec's phases, then the rare phase if inclusions are planted. */
    public List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** Label of the rare phase, or −1 without inclusions. */
    public int rareLabel() {
        return spec.rareInclusions() > 0 ? spec.phases().size() : -1;
    }

    /** Noiseless expected spectrum of a phase for a pixel of unit thickness (counts per channel). */
    public double[] phaseSpectrum(int label) {
        return models.get(label).expected();
    }

    /** The continuum part of {@link #phaseSpectrum}. */
    public double[] phaseContinuum(int label) {
        return models.get(label).continuum();
    }

    /** Rare-phase pixels as y · width + x, sorted. */
    public long[] rarePixels() {
        return scene.inclusions().pixels(spec.width());
    }
}
