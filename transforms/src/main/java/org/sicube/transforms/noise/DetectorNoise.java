package org.sicube.transforms.noise;

/**
 * Detector noise model {@code x = g · Poisson(λ) + N(0, σr²)}, so {@code Var(x) = g · mean + σr²}:
 * {@code gain} g in digital numbers per electron (or count), {@code readVariance} σr² in DN².
 * {@link #toCounts} turns digital numbers back into Poisson-scaled counts.
 */
public record DetectorNoise(double gain, double readVariance) {

    /** {@code x / g}: values whose variance equals their mean (plus σr²/g²). */
    public double toCounts(double x) {
        return x / gain;
    }
}
