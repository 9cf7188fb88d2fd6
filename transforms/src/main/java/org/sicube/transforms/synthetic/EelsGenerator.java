package org.sicube.transforms.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates a synthetic core-loss EELS spectrum image tile by tile, with ground truth per pixel:
 * phase label, background amplitude A and exponent r (background counts per channel at channel
 * energy E are A · (E − drift)^−r · ΔE, thickness included in A), energy drift in eV, and the jump
 * ratio of the phase's first edge. Counts are g · Poisson(λ) + N(0, σr²) with λ from
 * {@link EelsSpectrumModel}; each pixel's draws depend only on (seed, y, x), so any tiling gives
 * identical data. Tiles are float[] in the pixel-block layout (row-major pixels, energy fastest).
 * Not thread-safe: one generator per thread.
 */
public final class EelsGenerator {

    private static final int STREAM_COUNTS = 2;
    private static final int STREAM_DRIFT = 3;
    private static final int FIELD_A = 21;
    private static final int FIELD_R = 22;
    private static final int FIELD_DRIFT = 23;

    private final EelsSpec spec;
    private final Scene scene;
    private final List<EelsSpectrumModel> models = new ArrayList<>();
    private final SmoothField fieldA;
    private final SmoothField fieldR;
    private final SmoothField fieldDrift;
    private final double a0;
    private final CountSampler sampler;
    private final double[] lambda;
    private final PixelRandom rng = new PixelRandom(0);
    private final PixelRandom driftRng = new PixelRandom(0);

    public EelsGenerator(EelsSpec spec) {
        this.spec = spec;
        for (EelsPhase p : spec.phases()) {
            models.add(new EelsSpectrumModel(spec.grid(), p, spec));
        }
        double[] weights = spec.phases().stream().mapToDouble(EelsPhase::areaWeight).toArray();
        this.scene = new Scene(spec.height(), spec.width(), spec.layout(), spec.featureSizePx(), weights,
                new Inclusions(spec.height(), spec.width(), 0, 0, spec.seed()), spec.thicknessVariation(), spec.seed());
        this.fieldA = new SmoothField(spec.seed(), FIELD_A, spec.height(), spec.width());
        this.fieldR = new SmoothField(spec.seed(), FIELD_R, spec.height(), spec.width());
        this.fieldDrift = new SmoothField(spec.seed(), FIELD_DRIFT, spec.height(), spec.width());
        double start = spec.grid().offsetEv();
        this.a0 = spec.startCounts() / (spec.grid().scaleEv() * Math.pow(start, -spec.exponent()));
        this.sampler = new CountSampler(spec.grid().channels());
        this.lambda = new double[spec.grid().channels()];
    }

    public EelsSpec spec() {
        return spec;
    }

    /** Fills the h × w tile at (y0, x0); pixel (y, x) at ((y − y0) · w + (x − x0)) · channels. */
    public void fill(int y0, int x0, int h, int w, float[] out) {
        Tiles.fill(spec.height(), spec.width(), spec.grid().channels(), y0, x0, h, w, out, this::pixel);
    }

    /** Counts (or detector values, with gain and read noise) of one pixel into out[off .. off + channels). */
    public void pixel(int y, int x, float[] out, int off) {
        int n = spec.grid().channels();
        double total = expectedSpectrum(y, x, lambda);
        rng.reset(PixelRandom.pixelKey(spec.seed(), STREAM_COUNTS, y, x));
        sampler.sample(lambda, n, total, rng, out, off);
        if (spec.gain() != 1.0 || spec.readNoise() > 0) {
            for (int e = 0; e < n; e++) {
                out[off + e] = (float) (spec.gain() * out[off + e] + spec.readNoise() * rng.nextGaussian());
            }
        }
    }

    /** Noiseless expected counts of pixel (y, x) before gain, into out[0..channels); returns the sum. */
    public double expectedSpectrum(int y, int x, double[] out) {
        return models.get(label(y, x)).evaluate(amplitude(y, x), exponent(y, x), drift(y, x), out);
    }

    public int label(int y, int x) {
        return scene.label(y, x);
    }

    public double thickness(int y, int x) {
        return scene.thickness(y, x);
    }

    /** Background amplitude A at (y, x), thickness included (counts per eV at 1 eV, times eV^r). */
    public double amplitude(int y, int x) {
        return a0 * (1.0 + spec.amplitudeVariation() * fieldA.at(y, x)) * scene.thickness(y, x);
    }

    /** Background exponent r at (y, x). */
    public double exponent(int y, int x) {
        return spec.exponent() + spec.exponentVariation() * fieldR.at(y, x);
    }

    /** Energy drift at (y, x) in eV: features appear this much higher on the channel axis. */
    public double drift(int y, int x) {
        double d = spec.driftAmplitudeEv() * fieldDrift.at(y, x);
        if (spec.driftJitterEv() > 0) {
            driftRng.reset(PixelRandom.pixelKey(spec.seed(), STREAM_DRIFT, y, x));
            d += spec.driftJitterEv() * Math.max(-8.0, Math.min(8.0, driftRng.nextGaussian()));
        }
        return d;
    }

    /** Jump ratio (post-edge / pre-edge intensity just above the onset) of the phase's first edge. */
    public double jumpRatio(int y, int x) {
        return 1.0 + spec.phases().get(label(y, x)).edges().get(0).jump();
    }

    public List<EelsPhase> phases() {
        return spec.phases();
    }
}
