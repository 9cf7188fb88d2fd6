package org.sicube.transforms.physics;

/**
 * Energy resolution of a silicon-drift EDS detector: FWHM(E) = sqrt(FWHM_MnKa² + 2.5·(E − E_MnKa)),
 * all in eV, with E_MnKa = 5898.7 eV — the convention of HyperSpy's {@code get_FWHM_at_Energy}
 * (Fano-limited broadening, 2.5 eV ≈ 8 · ln 2 · F · ε for Si with F ≈ 0.12, ε = 3.8 eV).
 */
public record DetectorResolution(double fwhmMnKaEv) {

    public static final double MN_KA_EV = 5898.7;
    public static final double DEFAULT_FWHM_MNKA_EV = 130.0;
    private static final double FWHM_TO_SIGMA = 1.0 / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));

    public DetectorResolution {
        if (!(fwhmMnKaEv > 0) || !Double.isFinite(fwhmMnKaEv)) {
            throw new IllegalArgumentException("FWHM at Mn Ka must be a positive number of eV, got " + fwhmMnKaEv);
        }
    }

    public static DetectorResolution standard() {
        return new DetectorResolution(DEFAULT_FWHM_MNKA_EV);
    }

    /**
     * FWHM in eV at {@code energyEv}. Far below Mn Kα with a very sharp detector the formula would go
     * negative; the square is then held at 1 % of FWHM_MnKa² (a floor never reached at 130 eV).
     */
    public double fwhmEv(double energyEv) {
        double f2 = fwhmMnKaEv * fwhmMnKaEv;
        return Math.sqrt(Math.max(f2 + 2.5 * (energyEv - MN_KA_EV), 0.01 * f2));
    }

    /** Gaussian standard deviation in eV at {@code energyEv}. */
    public double sigmaEv(double energyEv) {
        return fwhmEv(energyEv) * FWHM_TO_SIGMA;
    }
}
