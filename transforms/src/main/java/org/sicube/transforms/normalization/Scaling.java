package org.sicube.transforms.normalization;

/** In-place division shared by the normalizations; a zero or non-finite divisor is a no-op. */
final class Scaling {

    private Scaling() {
    }

    /** Divides {@code spectrum} by {@code divisor} and returns it, or returns NaN without change. */
    static double divide(double[] spectrum, double divisor) {
        if (divisor == 0.0 || !Double.isFinite(divisor)) {
            return Double.NaN;
        }
        double inverse = 1.0 / divisor;
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] *= inverse;
        }
        return divisor;
    }
}
