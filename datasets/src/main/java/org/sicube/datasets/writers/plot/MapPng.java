package org.sicube.datasets.writers.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A PNG picture of a 2-D map of numbers (row-major {@code ny × nx} doubles, e.g. total counts or a
 * score map) in the viridis colour map, linear or logarithmic, with a colour bar, tick labels, the
 * quantity with its units, a title and, when the pixel size is known, a scale bar. NaN pixels are
 * light grey. Example: {@code MapPng.of(v, ny, nx).title("Si Kα").quantity("counts").write(path)}.
 */
public final class MapPng {
    /** How values map to colours. LOG uses the smallest positive value as the low end. */
    public enum Scale { LINEAR, LOG }

    private static final int BAR_WIDTH = 24;
    private static final int NAN_RGB = 0xD0D0D0;

    private final double[] values;
    private final int ny;
    private final int nx;
    private String title = "";
    private String quantity = "";
    private Scale scale = Scale.LINEAR;
    private double pixelSize = Double.NaN;
    private String pixelUnits = "";

    private MapPng(double[] values, int ny, int nx) {
        if (ny <= 0 || nx <= 0 || values.length != (long) ny * nx) {
            throw new IllegalArgumentException("a " + ny + "x" + nx + " map needs " + (long) ny * nx
                    + " values, got " + values.length);
        }
        this.values = values;
        this.ny = ny;
        this.nx = nx;
    }

    public static MapPng of(double[] values, int ny, int nx) {
        return new MapPng(values, ny, nx);
    }

    public MapPng title(String t) {
        this.title = t == null ? "" : t;
        return this;
    }

    /** The quantity and its units shown along the colour bar, e.g. "total counts" or "score". */
    public MapPng quantity(String q) {
        this.quantity = q == null ? "" : q;
        return this;
    }

    public MapPng scale(Scale s) {
        this.scale = s;
        return this;
    }

    /** Pixel size in {@code units} ("nm", "µm"); enables the scale bar. */
    public MapPng pixelSize(double size, String units) {
        this.pixelSize = size;
        this.pixelUnits = units == null ? "" : units;
        return this;
    }

    public void write(Path target) throws IOException {
        ValueRange range = ValueRange.of(values, scale == Scale.LOG);
        List<Double> ticks = scale == Scale.LOG ? NiceNumbers.logTicks(range.lo(), range.hi())
                : NiceNumbers.linearTicks(range.lo(), range.hi(), 6);
        int labelWidth = 0;
        for (double t : ticks) {
            labelWidth = Math.max(labelWidth, MapFrame.textWidth(NiceNumbers.label(t), MapFrame.LABEL_FONT));
        }
        int legendWidth = BAR_WIDTH + 8 + labelWidth + (quantity.isEmpty() ? 0 : 34);
        MapFrame frame = new MapFrame(ny, nx, title, legendWidth, 200);
        int[] rgb = new int[values.length];
        for (int i = 0; i < rgb.length; i++) {
            double v = values[i];
            rgb[i] = Double.isNaN(v) ? NAN_RGB : Viridis.rgb(range.fraction(v));
        }
        frame.drawMap(rgb, ny, nx);
        frame.drawScaleBar(pixelSize, pixelUnits, nx);
        drawColourBar(frame, range, ticks);
        frame.write(target);
    }

    private void drawColourBar(MapFrame f, ValueRange range, List<Double> ticks) {
        int x = f.legendX;
        int y0 = f.mapY;
        int h = Math.max(f.mapHeight, 200);
        for (int j = 0; j < h; j++) {
            f.g.setColor(new Color(Viridis.rgb(1 - j / (double) (h - 1))));
            f.g.fillRect(x, y0 + j, BAR_WIDTH, 1);
        }
        f.g.setColor(Color.DARK_GRAY);
        f.g.drawRect(x, y0, BAR_WIDTH, h - 1);
        f.g.setFont(MapFrame.LABEL_FONT);
        FontMetrics fm = f.g.getFontMetrics();
        f.g.setColor(Color.BLACK);
        for (double t : ticks) {
            int ty = y0 + (int) Math.round((1 - range.fraction(t)) * (h - 1));
            f.g.drawLine(x + BAR_WIDTH, ty, x + BAR_WIDTH + 5, ty);
            f.g.drawString(NiceNumbers.label(t), x + BAR_WIDTH + 8, ty + fm.getAscent() / 2 - 1);
        }
        if (!quantity.isEmpty()) {
            AffineTransform saved = f.g.getTransform();
            int qx = f.image.getWidth() - 24;
            int qy = y0 + (h + fm.stringWidth(quantity)) / 2;
            f.g.rotate(-Math.PI / 2, qx, qy);
            f.g.drawString(quantity, qx, qy + fm.getAscent() / 2);
            f.g.setTransform(saved);
        }
    }
}
