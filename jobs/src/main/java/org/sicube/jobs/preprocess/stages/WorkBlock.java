package org.sicube.jobs.preprocess.stages;

/**
 * A block while it runs through the stages: {@code height × width} pixels at (y0, x0) of the
 * image at the current stage, spectra as pixel-major {@code double[pixels · channels]} (channels
 * fastest), and the per-pixel map values written so far ({@code maps[m][pixel]}, in the pipeline's
 * map order). Stages replace its fields; a spatial stage may shrink it to no pixels.
 */
public final class WorkBlock {
    public int y0;
    public int x0;
    public int height;
    public int width;
    public int channels;
    public double[] data;
    public double[][] maps;

    public WorkBlock(int y0, int x0, int height, int width, int channels, double[] data, double[][] maps) {
        this.y0 = y0;
        this.x0 = x0;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.data = data;
        this.maps = maps;
    }

    public int pixels() {
        return height * width;
    }
}
