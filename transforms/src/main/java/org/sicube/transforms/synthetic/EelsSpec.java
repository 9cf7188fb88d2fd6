package org.sicube.transforms.synthetic;

import java.util.List;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * Everything that defines a synthetic core-loss EELS spectrum image. Background A·E^−r: expected
 * counts per channel {@code startCounts} at the grid's first energy for unit thickness, mean
 * exponent {@code exponent}, smooth relative variation of A ({@code amplitudeVariation}) and absolute
 * variation of r ({@code exponentVariation}); relative thickness variation; energy drift in eV as a
 * smooth field of amplitude {@code driftAmplitudeEv} plus Gaussian jitter {@code driftJitterEv};
 * edge onsets broadened over {@code onsetWidthEv} (logistic scale); white lines of height
 * {@code whiteLineHeight} × the edge jump, L3:L2 (M5:M4) ratio {@code whiteLineRatio}, Gaussian σ
 * {@code whiteLineWidthEv}; detector gain g and read noise σr (x = g·Poisson(λ) + N(0, σr²)).
 */
public record EelsSpec(int height, int width, EnergyGrid grid, List<EelsPhase> phases, Layout layout,
                       int featureSizePx, double startCounts, double exponent, double amplitudeVariation,
                       double exponentVariation, double thicknessVariation, double driftAmplitudeEv,
                       double driftJitterEv, double onsetWidthEv, double whiteLineHeight, double whiteLineRatio,
                       double whiteLineWidthEv, double gain, double readNoise, long seed) implements java.io.Serializable {

    public EelsSpec {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if (grid == null || layout == null || phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("grid, layout and at least one phase are required");
        }
        phases = List.copyOf(phases);
        if (featureSizePx < 2) {
            throw new IllegalArgumentException("feature size must be >= 2 pixels, got " + featureSizePx);
        }
        positive("start counts", startCounts);
        positive("background exponent", exponent);
        range("amplitude variation", amplitudeVariation, 0, 0.9);
        range("exponent variation", exponentVariation, 0, 0.5 * exponent);
        range("thickness variation", thicknessVariation, 0, 0.9);
        range("drift amplitude (eV)", driftAmplitudeEv, 0, 1e4);
        range("drift jitter (eV)", driftJitterEv, 0, 1e3);
        positive("onset width (eV)", onsetWidthEv);
        range("white-line height", whiteLineHeight, 0, 1e3);
        positive("white-line ratio", whiteLineRatio);
        positive("white-line width (eV)", whiteLineWidthEv);
        positive("gain", gain);
        range("read noise", readNoise, 0, 1e9);
        // The drifted energy E − d must stay positive for the power law; jitter bounded at 8σ.
        double maxDrift = driftAmplitudeEv + 8 * driftJitterEv;
        if (!(grid.offsetEv() - maxDrift > 1.0)) {
            throw new IllegalArgumentException("EELS grid must start above the largest drift: offset "
                    + grid.offsetEv() + " eV, drift up to " + maxDrift + " eV");
        }
    }

    /**
     * Demo: TiO2, an iron oxide, amorphous carbon and NiO as 48 px grains; 2048 channels from 250 eV
     * by 0.5 eV; 2000 counts per channel at 250 eV, r = 3 ± 0.15, A ± 20 %, thickness ± 10 %; drift
     * ±1.5 eV smooth plus 0.1 eV jitter; white lines 2 × the jump with L3:L2 = 3; pure Poisson.
     */
    public static EelsSpec demo(int height, int width, long seed) {
        List<EelsPhase> phases = List.of(
                EelsPhase.of("TiO2", 1, "Ti", "L2,3", 1.2, "O", "K", 0.6),
                EelsPhase.of("iron oxide", 1, "Fe", "L2,3", 0.8, "O", "K", 0.6),
                EelsPhase.of("carbon", 1, "C", "K", 2.0),
                EelsPhase.of("NiO", 1, "Ni", "L2,3", 0.5, "O", "K", 0.6));
        return new EelsSpec(height, width, new EnergyGrid(2048, 250.0, 0.5), phases, Layout.GRAINS, 48,
                2000.0, 3.0, 0.2, 0.15, 0.1, 1.5, 0.1, 1.0, 2.0, 3.0, 1.5, 1.0, 0.0, seed);
    }

    /** A copy with detector gain and read noise changed. */
    public EelsSpec withDetector(double g, double sigmaR) {
        return new EelsSpec(height, width, grid, phases, layout, featureSizePx, startCounts, exponent,
                amplitudeVariation, exponentVariation, thicknessVariation, driftAmplitudeEv, driftJitterEv,
                onsetWidthEv, whiteLineHeight, whiteLineRatio, whiteLineWidthEv, g, sigmaR, seed);
    }

    /** A copy without spatial variation of A, r, thickness or drift. */
    public EelsSpec uniform() {
        return new EelsSpec(height, width, grid, phases, layout, featureSizePx, startCounts, exponent,
                0, 0, 0, 0, 0, onsetWidthEv, whiteLineHeight, whiteLineRatio, whiteLineWidthEv, gain, readNoise, seed);
    }

    /** A copy with another layout, feature size (pixels) and relative thickness variation. */
    public EelsSpec withLayout(Layout l, int featurePx, double thickness) {
        return new EelsSpec(height, width, grid, phases, l, featurePx, startCounts, exponent,
                amplitudeVariation, exponentVariation, thickness, driftAmplitudeEv, driftJitterEv,
                onsetWidthEv, whiteLineHeight, whiteLineRatio, whiteLineWidthEv, gain, readNoise, seed);
    }

    public EelsSpec with(EnergyGrid g, List<EelsPhase> p, double counts) {
        return new EelsSpec(height, width, g, p, layout, featureSizePx, counts, exponent,
                amplitudeVariation, exponentVariation, thicknessVariation, driftAmplitudeEv, driftJitterEv,
                onsetWidthEv, whiteLineHeight, whiteLineRatio, whiteLineWidthEv, gain, readNoise, seed);
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
    }

    private static void range(String what, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
