package org.sicube.datasets.writers.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A PNG picture of a label map (row-major {@code ny × nx} ints, label {@code k} named
 * {@code names.get(k)}, negative = unassigned) in distinct colours, with a legend giving each
 * label's name, pixel count and share, a title and an optional scale bar. Used for phase maps.
 */
public final class CategoricalMapPng {
    /** Okabe and Ito's colour-blind-safe palette (2008), without black; then golden-angle hues. */
    private static final int[] PALETTE = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442};
    private static final int UNASSIGNED_RGB = 0xBBBBBB;
    private static final int SWATCH = 18;
    private static final int LINE = 26;

    private final int[] labels;
    private final int ny;
    private final int nx;
    private final List<String> names;
    private String title = "";
    private double pixelSize = Double.NaN;
    private String pixelUnits = "";

    private CategoricalMapPng(int[] labels, int ny, int nx, List<String> names) {
        if (ny <= 0 || nx <= 0 || labels.length != (long) ny * nx) {
            throw new IllegalArgumentException("a " + ny + "x" + nx + " label map needs " + (long) ny * nx
                    + " labels, got " + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= names.size()) {
                throw new IllegalArgumentException("pixel (y=" + i / nx + ", x=" + i % nx + ") has label " + labels[i]
                        + " but only " + names.size() + " names were given");
            }
        }
        this.labels = labels;
        this.ny = ny;
        this.nx = nx;
        this.names = List.copyOf(names);
    }

    public static CategoricalMapPng of(int[] labels, int ny, int nx, List<String> names) {
        return new CategoricalMapPng(labels, ny, nx, names);
    }

    public CategoricalMapPng title(String t) {
        this.title = t == null ? "" : t;
        return this;
    }

    public CategoricalMapPng pixelSize(double size, String units) {
        this.pixelSize = size;
        this.pixelUnits = units == null ? "" : units;
        return this;
    }

    /** Packed RGB of label {@code k}; negative labels are grey. */
    public static int colour(int k) {
        if (k < 0) {
            return UNASSIGNED_RGB;
        }
        if (k < PALETTE.length) {
            return PALETTE[k];
        }
        float hue = (float) ((k - PALETTE.length) * 0.618033988749895 % 1.0);
        return Color.HSBtoRGB(hue, 0.65f, 0.85f) & 0xFFFFFF;
    }

    public void write(Path target) throws IOException {
        long[] counts = new long[names.size() + 1];
        int[] rgb = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int k = labels[i];
            counts[k < 0 ? names.size() : k]++;
            rgb[i] = colour(k);
        }
        String[] entries = new String[names.size() + 1];
        int widest = 0;
        for (int k = 0; k <= names.size(); k++) {
            String name = k < names.size() ? names.get(k) : "unassigned";
            entries[k] = String.format(Locale.ROOT, "%s  %,d px (%.1f%%)", name, counts[k],
                    100.0 * counts[k] / labels.length);
            widest = Math.max(widest, MapFrame.textWidth(entries[k], MapFrame.LABEL_FONT));
        }
        boolean showUnassigned = counts[names.size()] > 0;
        int rows = names.size() + (showUnassigned ? 1 : 0);
        MapFrame frame = new MapFrame(ny, nx, title, SWATCH + 10 + widest, rows * LINE);
        frame.drawMap(rgb, ny, nx);
        frame.drawScaleBar(pixelSize, pixelUnits, nx);
        frame.g.setFont(MapFrame.LABEL_FONT);
        FontMetrics fm = frame.g.getFontMetrics();
        int y = frame.mapY;
        for (int k = 0; k <= names.size(); k++) {
            if (k == names.size() && !showUnassigned) {
                break;
            }
            frame.g.setColor(new Color(colour(k < names.size() ? k : -1)));
            frame.g.fillRect(frame.legendX, y, SWATCH, SWATCH);
            frame.g.setColor(Color.DARK_GRAY);
            frame.g.drawRect(frame.legendX, y, SWATCH, SWATCH);
            frame.g.setColor(Color.BLACK);
            frame.g.drawString(entries[k], frame.legendX + SWATCH + 10, y + (SWATCH + fm.getAscent()) / 2 - 2);
            y += LINE;
        }
        frame.write(target);
    }
}
