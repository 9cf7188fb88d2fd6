package org.sicube.transforms.synthetic;

/**
 * Draws one spectrum of independent Poisson counts, channel e with mean λ_e, choosing per pixel the
 * cheaper of two exact methods: for sparse spectra (Λ = Σλ ≤ {@value #SPARSE_FACTOR} × channels)
 * the total N ~ Poisson(Λ) followed by N channel draws from an alias table (a Poisson total split
 * multinomially gives independent Poisson channels); otherwise one Poisson deviate per channel.
 * Output is written as float counts at {@code out[offset .. offset + channels)}.
 */
public final class CountSampler {

    static final double SPARSE_FACTOR = 4.0;

    private final AliasTable scratch;

    public CountSampler(int channels) {
        scratch = new AliasTable(channels);
    }

    /** Samples λ[0..channels) whose sum is {@code total} (passed in to avoid a second pass). */
    public void sample(double[] lambda, int channels, double total, PixelRandom rng, float[] out, int offset) {
        if (total <= SPARSE_FACTOR * channels) {
            if (total > 0) {
                scratch.rebuild(lambda, channels);
            }
            multinomial(scratch, total, rng, out, offset, channels);
        } else {
            perChannel(lambda, channels, rng, out, offset);
        }
    }

    /** Poisson(total) events spread over a prebuilt table of channel probabilities. */
    public static void multinomial(AliasTable table, double total, PixelRandom rng, float[] out, int offset, int channels) {
        java.util.Arrays.fill(out, offset, offset + channels, 0f);
        long events = PoissonSampler.sample(rng, total);
        for (long k = 0; k < events; k++) {
            out[offset + table.sample(rng)] += 1f;
        }
    }

    /** One independent Poisson deviate per channel. */
    public static void perChannel(double[] lambda, int channels, PixelRandom rng, float[] out, int offset) {
        for (int e = 0; e < channels; e++) {
            out[offset + e] = PoissonSampler.sample(rng, lambda[e]);
        }
    }
}
