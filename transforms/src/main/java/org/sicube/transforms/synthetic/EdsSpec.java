package org.sicube.transforms.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * Everything that defines a synthetic STEM-EDS spectrum image: size (pixels), energy grid (eV),
 * beam energy (keV), phases and their layout, mean counts per pixel at unit thickness, relative
 * thickness variation amplitude (0..0.9), rare-phase inclusions (count, radius in pixels; the rare
 * phase must hold an element no other phase has), detector FWHM at Mn Kα (eV), and the seed.
 */
public record EdsSpec(int height, int width, EnergyGrid grid, double beamEnergyKeV, List<Phase> phases,
                      Layout layout, int featureSizePx, double meanCounts, double thicknessVariation,
                      Phase rarePhase, int rareInclusions, int rareRadiusPx, double fwhmMnKaEv, long seed) implements java.io.Serializable {

    public EdsSpec {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if (grid == null || layout == null) {
            throw new IllegalArgumentException("grid and layout are required");
        }
        if (!(beamEnergyKeV > 0) || beamEnergyKeV > 1000) {
            throw new IllegalArgumentException("beam energy must be in (0, 1000] keV, got " + beamEnergyKeV);
        }
        if (phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("at least one phase is required");
        }
        phases = List.copyOf(phases);
        if (featureSizePx < 2) {
            throw new IllegalArgumentException("feature size must be >= 2 pixels, got " + featureSizePx);
        }
        if (!(meanCounts > 0) || meanCounts > 1e7) {
            throw new IllegalArgumentException("mean counts per pixel must be in (0, 1e7], got " + meanCounts);
        }
        if (!(thicknessVariation >= 0) || thicknessVariation > 0.9) {
            throw new IllegalArgumentException("thickness variation must be in [0, 0.9], got " + thicknessVariation);
        }
        if (rareInclusions < 0 || rareRadiusPx < 0) {
            throw new IllegalArgumentException("rare inclusion count and radius must be >= 0");
        }
        if (rareInclusions > 0) {
            requireUniqueElement(rarePhase, phases);
        }
        new DetectorResolution(fwhmMnKaEv);
    }

    /**
     * The demo sample: a Fe-Cr-Ni alloy, an Al-Si oxide, titanium oxide and brass as Voronoi grains
     * of 64 px, 12 gold-bearing inclusions of radius 2 px (Au Mα/Lα appear nowhere else), 200 keV,
     * 2048 channels from 0 eV by 10 eV, 200 counts per pixel, 10 % thickness variation, 130 eV FWHM.
     */
    public static EdsSpec demo(int height, int width, long seed) {
        List<Phase> phases = List.of(
                Phase.of("Fe-Cr-Ni alloy", 1.0, "Fe", 70, "Cr", 20, "Ni", 10),
                Phase.of("Al-Si oxide", 1.0, "O", 62, "Al", 28, "Si", 10),
                Phase.of("Ti oxide", 1.0, "Ti", 33.3, "O", 66.7),
                Phase.of("brass", 1.0, "Cu", 65, "Zn", 35));
        Phase rare = Phase.of("Au-Ag particle", 1.0, "Au", 70, "Ag", 30);
        return new EdsSpec(height, width, new EnergyGrid(2048, 0.0, 10.0), 200.0, phases, Layout.GRAINS, 64,
                200.0, 0.1, rare, 12, 2, DetectorResolution.DEFAULT_FWHM_MNKA_EV, seed);
    }

    public int phaseCount() {
        return phases.size() + (rareInclusions > 0 ? 1 : 0);
    }

    public EdsSpec withSize(int h, int w) {
        return new EdsSpec(h, w, grid, beamEnergyKeV, phases, layout, featureSizePx, meanCounts,
                thicknessVariation, rarePhase, rareInclusions, rareRadiusPx, fwhmMnKaEv, seed);
    }

    public EdsSpec withMeanCounts(double counts) {
        return new EdsSpec(height, width, grid, beamEnergyKeV, phases, layout, featureSizePx, counts,
                thicknessVariation, rarePhase, rareInclusions, rareRadiusPx, fwhmMnKaEv, seed);
    }

    public EdsSpec withThicknessVariation(double amplitude) {
        return new EdsSpec(height, width, grid, beamEnergyKeV, phases, layout, featureSizePx, meanCounts,
                amplitude, rarePhase, rareInclusions, rareRadiusPx, fwhmMnKaEv, seed);
    }

    public EdsSpec withLayout(Layout l, int featurePx) {
        return new EdsSpec(height, width, grid, beamEnergyKeV, phases, l, featurePx, meanCounts,
                thicknessVariation, rarePhase, rareInclusions, rareRadiusPx, fwhmMnKaEv, seed);
    }

    public EdsSpec withPhases(List<Phase> p) {
        return new EdsSpec(height, width, grid, beamEnergyKeV, p, layout, featureSizePx, meanCounts,
                thicknessVariation, rarePhase, rareInclusions, rareRadiusPx, fwhmMnKaEv, seed);
    }

    public EdsSpec withRare(Phase phase, int inclusions, int radiusPx) {
        return new EdsSpec(height, width, grid, beamEnergyKeV, phases, layout, featureSizePx, meanCounts,
                thicknessVariation, phase, inclusions, radiusPx, fwhmMnKaEv, seed);
    }

    public EdsSpec withSeed(long s) {
        return new EdsSpec(height, width, grid, beamEnergyKeV, phases, layout, featureSizePx, meanCounts,
                thicknessVariation, rarePhase, rareInclusions, rareRadiusPx, fwhmMnKaEv, s);
    }

    private static void requireUniqueElement(Phase rare, List<Phase> phases) {
        if (rare == null) {
            throw new IllegalArgumentException("rare inclusions need a rare phase");
        }
        Set<String> others = new HashSet<>();
        for (Phase p : phases) {
            others.addAll(p.atomicPercent().keySet());
        }
        for (String e : rare.atomicPercent().keySet()) {
            if (!others.contains(e)) {
                return;
            }
        }
        throw new IllegalArgumentException("rare phase " + rare.name() + " must contain an element absent from all other phases");
    }
}
