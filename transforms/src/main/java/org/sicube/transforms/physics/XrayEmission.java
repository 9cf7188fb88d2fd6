package org.sicube.transforms.physics;

/**
 * Relative emission of a line family per atom and per incident electron, for synthetic spectra:
 * fluorescence yield ω = Z⁴ / (a + Z⁴) (the classic Burhop-type fit; a = 1.12·10⁶ for K, 8.9·10⁷
 * for L, 1.26·10⁹ for M — within ~30 % of Bambynek's tabulated yields for Z > 10) times a Bethe-type
 * ionisation factor ln(U) / (U · Ec²) · E0 ∝ ln(E0/Ec) / Ec, with the critical energy Ec approximated
 * as 1.1 × the family's α-line energy. Arbitrary units: only ratios between lines are meaningful.
 */
public final class XrayEmission {

    private static final double A_K = 1.12e6;
    private static final double A_L = 8.9e7;
    private static final double A_M = 1.26e9;
    private static final double EC_OVER_ALPHA = 1.1;

    private XrayEmission() {
    }

    /** Fluorescence yield of the family ('K', 'L' or 'M') of element Z. */
    public static double fluorescenceYield(int z, char family) {
        double z4 = (double) z * z * z * z;
        double a = switch (family) {
            case 'K' -> A_K;
            case 'L' -> A_L;
            case 'M' -> A_M;
            default -> throw new IllegalArgumentException("unknown line family " + family);
        };
        return z4 / (a + z4);
    }

    /**
     * Relative intensity of {@code line} per atom at beam energy {@code beamKeV}: 0 when the beam
     * cannot ionise the shell, else ω · ionisation factor · line weight.
     */
    public static double intensityPerAtom(XrayLine line, double alphaEnergyKeV, double beamKeV) {
        double ec = EC_OVER_ALPHA * alphaEnergyKeV;
        if (!(beamKeV > ec)) {
            return 0.0;
        }
        double ionisation = Math.log(beamKeV / ec) / ec;
        return fluorescenceYield(line.z(), line.family()) * ionisation * line.weight();
    }
}
