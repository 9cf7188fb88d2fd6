package org.sicube.transforms.synthetic;

import java.util.List;
import java.util.Map;
import org.sicube.transforms.physics.DetectorEfficiency;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.physics.XrayEmission;
import org.sicube.transforms.physics.XrayLine;
import org.sicube.transforms.physics.XrayLineTable;

/**
 * The noiseless EDS spectrum of one phase for a pixel of unit thickness, in expected counts per
 * channel summing to the spec's mean counts: Kramers continuum K · Z̄ · (E0 − E)/E · ε(E) · ΔE plus
 * each line as a channel-integrated Gaussian of FWHM(E), intensity ∝ at.% × {@link XrayEmission}
 * (fluorescence yield × ionisation) × line weight × ε(E_line); ε is {@link DetectorEfficiency}.
 */
public final class EdsPhaseModel {

    /**
     * Kramers constant relative to the line intensities of {@link XrayEmission}: at 200 keV it puts
     * 20–27 % of the counts of the demo alloy, oxides and brass into the continuum (47 % for Au-Ag,
     * whose lines are weaker per atom and whose Z̄ is high).
     */
    static final double KRAMERS_CONSTANT = 2.3e-6;

    private final double[] expected;
    private final double[] continuum;
    private final AliasTable table;

    private EdsPhaseModel(double[] expected, double[] continuum) {
        this.expected = expected;
        this.continuum = continuum;
        this.table = AliasTable.of(expected);
    }

    public static EdsPhaseModel of(Phase phase, EdsSpec spec) {
        EnergyGrid grid = spec.grid();
        DetectorEfficiency eff = DetectorEfficiency.standard();
        DetectorResolution res = new DetectorResolution(spec.fwhmMnKaEv());
        double e0 = spec.beamEnergyKeV();
        int n = grid.channels();
        double[] cont = new double[n];
        double zBar = phase.meanAtomicNumber();
        double widthKeV = grid.scaleEv() / 1000.0;
        for (int i = 0; i < n; i++) {
            double e = grid.energyEv(i) / 1000.0;
            if (e > 0 && e < e0) {
                cont[i] = KRAMERS_CONSTANT * zBar * (e0 - e) / e * eff.at(e) * widthKeV;
            }
        }
        double[] total = cont.clone();
        XrayLineTable table = XrayLineTable.get();
        for (Map.Entry<String, Double> c : phase.atomicPercent().entrySet()) {
            List<XrayLine> lines = table.lines(c.getKey());
            for (XrayLine l : lines) {
                double intensity = c.getValue() / 100.0 * XrayEmission.intensityPerAtom(l, alphaEnergy(lines, l), e0)
                        * eff.at(l.energyKeV());
                if (intensity > 0) {
                    GaussianBins.add(total, grid, l.energyEv(), res.sigmaEv(l.energyEv()), intensity);
                }
            }
        }
        double sum = 0;
        for (double v : total) {
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("phase " + phase.name() + " emits nothing on the grid " + grid);
        }
        double scale = spec.meanCounts() / sum;
        for (int i = 0; i < n; i++) {
            total[i] *= scale;
            cont[i] *= scale;
        }
        return new EdsPhaseModel(total, cont);
    }

    /** Expected counts per channel at unit thickness (a copy). */
    public double[] expected() {
        return expected.clone();
    }

    /** The continuum part of {@link #expected()} (a copy). */
    public double[] continuum() {
        return continuum.clone();
    }

    AliasTable aliasTable() {
        return table;
    }

    double expectedAt(int channel) {
        return expected[channel];
    }

    private static double alphaEnergy(List<XrayLine> lines, XrayLine l) {
        String alpha = l.family() + "a";
        for (XrayLine o : lines) {
            if (o.line().equals(alpha)) {
                return o.energyKeV();
            }
        }
        return l.energyKeV();
    }
}
