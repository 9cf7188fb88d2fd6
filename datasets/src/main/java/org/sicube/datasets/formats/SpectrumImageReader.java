package org.sicube.datasets.formats;

import java.io.IOException;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Reads one spectrum-image file block by block. Opening a reader reads and checks the header
 * only; {@link #readBlock} reads just the bytes of one tile, so memory is bounded by a few blocks
 * whatever the file size. Counts are returned as float32 in the layout of {@link PixelBlock}.
 */
public interface SpectrumImageReader extends AutoCloseable {

    /** The header: shape, energy axis and whatever metadata the file carries ({@code totalCounts} may be NaN). */
    SpectrumImage header();

    /**
     * Reads the tile whose top-left pixel is {@code (y0, x0)}. Throws
     * {@link org.sicube.datasets.io.InvalidInputException} when the file is truncated or
     * inconsistent, naming the file and the offset.
     */
    PixelBlock readBlock(int y0, int x0, int height, int width) throws IOException;

    @Override
    void close() throws IOException;
}
