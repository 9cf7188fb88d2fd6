package org.sicube.jobs.preprocess.stages;

import java.io.Serializable;

/**
 * The spatial layout of the image at a stage: {@code ny × nx} pixels stored in blocks of
 * {@code blockHeight × blockWidth} from (0, 0) (the last row and column of blocks may be smaller),
 * and the pixel size in the header's units (NaN when unknown). Spatial stages change it.
 */
public record ImageShape(int ny, int nx, int blockHeight, int blockWidth, double pixelSize) implements Serializable {
}
