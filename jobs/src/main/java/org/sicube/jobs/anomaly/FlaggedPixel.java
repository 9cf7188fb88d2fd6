package org.sicube.jobs.anomaly;

import java.io.Serializable;

/**
 * One pixel above the deviance threshold, as the driver receives it: image position, deviance D,
 * weighted χ², raw counts and residual x − x̂ (E channels each).
 */
record FlaggedPixel(int y, int x, double deviance, double chiSquare, float[] counts, float[] residual)
        implements Serializable {
}
