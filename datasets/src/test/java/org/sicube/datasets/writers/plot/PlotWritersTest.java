package org.sicube.datasets.writers.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.EnergyAxis;

class PlotWritersTest {
    @TempDir
    Path dir;

    private static BufferedImage decode(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null, "not a decodable PNG: " + png);
        return img;
    }

    /** Number of distinct colours in the picture: a uniform or blank picture has one or two. */
    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void mapPngIsUpscaledAndColoured() throws IOException {
        Path linear = dir.resolve("counts.png");
        long t0 = System.nanoTime();
        MapPng.of(PlotSamples.map(256, 256), 256, 256).title("Total counts").quantity("total counts")
                .pixelSize(2.5, "nm").write(linear);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("256x256 map PNG written in %.3f s (first call, includes font loading)%n", seconds);
        BufferedImage img = decode(linear);
        assertTrue(img.getWidth() >= 512 + 60, "width " + img.getWidth());
        assertTrue(colours(img) > 100, "picture should hold the colour map");

        Path small = dir.resolve("small_log.png");
        MapPng.of(PlotSamples.map(30, 40), 30, 40).title("Fe Kα").quantity("counts").scale(MapPng.Scale.LOG)
                .pixelSize(120, "nm").write(small);
        BufferedImage s = decode(small);
        // 40 columns upscaled by ceil(512 / 40) = 13: the map alone is 520 px wide.
        assertTrue(s.getWidth() > 520 && s.getHeight() > 390, s.getWidth() + "x" + s.getHeight());
        assertTrue(colours(s) > 50);
    }

    @Test
    void mapOfConstantOrNanValuesStillDraws() throws IOException {
        double[] v = new double[12];
        v[3] = Double.NaN;
        Path p = dir.resolve("flat.png");
        MapPng.of(v, 3, 4).write(p);
        assertTrue(decode(p).getWidth() >= 512);
        assertThrows(IllegalArgumentException.class, () -> MapPng.of(new double[5], 2, 3));
    }

    @Test
    void categoricalMapHasOneColourPerPhase() throws IOException {
        int ny = 40;
        int nx = 60;
        int[] labels = new int[ny * nx];
        for (int i = 0; i < labels.length; i++) {
            int x = i % nx;
            labels[i] = x < 20 ? 0 : x < 45 ? 1 : i % 7 == 0 ? -1 : 2;
        }
        Path p = dir.resolve("phases.png");
        CategoricalMapPng.of(labels, ny, nx, List.of("olivine", "pyroxene", "Fe oxide")).title("Phases")
                .pixelSize(50, "nm").write(p);
        BufferedImage img = decode(p);
        assertTrue(img.getWidth() >= 540);
        // A pixel well inside each phase region has that phase's colour (factor ceil(512 / 60) = 9).
        int factor = 9;
        int y = 20 + 48 + 5 * factor;
        assertEquals(CategoricalMapPng.colour(0), img.getRGB(20 + 5 * factor, y) & 0xFFFFFF);
        assertEquals(CategoricalMapPng.colour(1), img.getRGB(20 + 30 * factor, y) & 0xFFFFFF);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CategoricalMapPng.of(new int[] {0, 3}, 1, 2, List.of("a", "b")));
        assertTrue(e.getMessage().contains("(y=0, x=1) has label 3"), e.getMessage());
    }

    @Test
    void spectrumPngIs1200By600() throws IOException {
        Path p = dir.resolve("spectrum.png");
        long t0 = System.nanoTime();
        SpectrumPng.of(PlotSamples.AXIS).title("Mean spectrum").add("mean", PlotSamples.spectrum(1))
                .line(0.525, "O Kα").line(6.404, "Fe Kα").line(7.058, "Fe Kβ").line(0.705, "Fe Lα").write(p);
        System.out.printf("2048-channel spectrum PNG written in %.3f s (first call, includes JFreeChart start-up)%n",
                (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        Path log = dir.resolve("spectra_log.png");
        SpectrumPng.of(PlotSamples.AXIS).title("Components").logY(true).add("component 1", PlotSamples.spectrum(1))
                .add("component 2", PlotSamples.spectrum(0.3)).line(1.740, "Si Kα").write(log);
        System.out.printf("2048-channel spectrum PNG (2 spectra, log) written in %.3f s%n", (System.nanoTime() - t0) / 1e9);
        for (Path png : List.of(p, log)) {
            BufferedImage img = decode(png);
            assertEquals(SpectrumPng.WIDTH, img.getWidth());
            assertEquals(SpectrumPng.HEIGHT, img.getHeight());
            assertTrue(colours(img) > 20);
        }
    }

    @Test
    void csvParsesBack() throws IOException {
        EnergyAxis axis = new EnergyAxis(100, 2.5, "eV", 5);
        double[] a = {1, 2.5, 3e-7, 0, 1234567.125};
        double[] b = {5, 4, 3, 2, 1};
        Path p = dir.resolve("spectra.csv");
        SpectrumCsv.write(p, axis, List.of("mean", "comp, 2"), List.of(a, b));
        List<String> lines = Files.readAllLines(p);
        assertEquals("channel,energy_eV,mean,\"comp, 2\"", lines.get(0));
        assertEquals(6, lines.size());
        for (int c = 0; c < 5; c++) {
            String[] f = lines.get(c + 1).split(",");
            assertEquals(c, Integer.parseInt(f[0]));
            assertEquals(100 + 2.5 * c, Double.parseDouble(f[1]), 1e-9);
            assertEquals(a[c], Double.parseDouble(f[2]), 0);
            assertEquals(b[c], Double.parseDouble(f[3]), 0);
        }
        assertThrows(IllegalArgumentException.class, () -> SpectrumCsv.write(p, axis, List.of("x"), List.of(new double[4])));
    }

    @Test
    void scaleBarsAreRound() {
        ScaleBar bar = ScaleBar.of(2.5, "nm", 256);
        assertEquals(100, bar.length(), 0);
        assertEquals("100 nm", bar.label());
        assertEquals("2 µm", ScaleBar.of(120, "nm", 100).label());
        assertEquals("500 nm", ScaleBar.of(0.05, "µm", 60).label());
        assertEquals(List.of(0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0), NiceNumbers.linearTicks(0, 5300, 6));
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0), NiceNumbers.logTicks(0.9, 5000));
    }

    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        // Reference values of the viridis table's ends and middle, within the fit's 4/255 per component.
        assertClose(0x440154, Viridis.rgb(0));
        assertClose(0x21918C, Viridis.rgb(0.5));
        assertClose(0xFDE725, Viridis.rgb(1));
    }

    private static void assertClose(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= 4, String.format("expected %06X got %06X", expected, actual));
        }
    }
}
