package org.sicube.datasets.writers.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * The common frame of a map picture: title on top, the map (row-major {@code ny × nx} pixels given as
 * packed RGB) upscaled by an integer factor with nearest-neighbour sampling so it is at least
 * {@link #MIN_MAP_WIDTH} px wide, an optional scale bar on the map, and a legend area of a given width
 * on the right that the caller draws into.
 */
final class MapFrame {
    static final int MIN_MAP_WIDTH = 512;
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final int MARGIN = 20;
    private static final int TITLE_HEIGHT = 48;

    final int factor;
    final int mapX = MARGIN;
    final int mapY;
    final int mapWidth;
    final int mapHeight;
    final int legendX;
    final BufferedImage image;
    final Graphics2D g;

    MapFrame(int ny, int nx, String title, int legendWidth, int minLegendHeight) {
        factor = Math.max(1, (MIN_MAP_WIDTH + nx - 1) / nx);
        mapWidth = nx * factor;
        mapHeight = ny * factor;
        mapY = title.isEmpty() ? MARGIN : TITLE_HEIGHT;
        legendX = mapX + mapWidth + MARGIN;
        int width = legendX + legendWidth + MARGIN;
        int height = mapY + Math.max(mapHeight, minLegendHeight) + MARGIN;
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        if (!title.isEmpty()) {
            g.setFont(TITLE_FONT);
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, Math.max(MARGIN, (width - fm.stringWidth(title)) / 2), mapY - 14);
        }
    }

    /** Width of {@code text} in {@code font}, measured without a frame (for legend sizing). */
    static int textWidth(String text, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D s = scratch.createGraphics();
        try {
            return s.getFontMetrics(font).stringWidth(text);
        } finally {
            s.dispose();
        }
    }

    /** Draws the map pixels, packed 0xRRGGBB in row-major order, upscaled nearest-neighbour. */
    void drawMap(int[] rgb, int ny, int nx) {
        BufferedImage map = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        map.setRGB(0, 0, nx, ny, rgb, 0, nx);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(map, mapX, mapY, mapWidth, mapHeight, null);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(mapX - 1, mapY - 1, mapWidth + 1, mapHeight + 1);
    }

    /** Draws a scale bar at the map's lower left when the pixel size and units are known. */
    void drawScaleBar(double pixelSize, String units, int nx) {
        if (!(pixelSize > 0) || !Double.isFinite(pixelSize) || units.isEmpty()) {
            return;
        }
        ScaleBar bar = ScaleBar.of(pixelSize, units, nx);
        int length = (int) Math.round(bar.pixels() * factor);
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        int boxW = Math.max(length, fm.stringWidth(bar.label())) + 16;
        int boxH = fm.getHeight() + 18;
        int x = mapX + 12;
        int y = mapY + mapHeight - boxH - 12;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRoundRect(x, y, boxW, boxH, 8, 8);
        g.setColor(Color.BLACK);
        g.fillRect(x + 8, y + boxH - 14, length, 6);
        g.drawString(bar.label(), x + 8 + (length - fm.stringWidth(bar.label())) / 2, y + fm.getAscent() + 4);
    }

    /** Writes the picture as PNG under a temporary name, then renames it to {@code target}. */
    void write(Path target) throws IOException {
        g.dispose();
        writePng(image, target);
    }

    static void writePng(BufferedImage picture, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(picture, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available for " + abs);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
