package org.sicube.datasets.writers.plot;

import java.util.Locale;

/**
 * A scale bar for a map: a round length (1, 2 or 5 × 10^k in the pixel units) about a fifth of the
 * map width, with its label such as "500 nm". Lengths of 1000 nm or more are shown in µm.
 */
record ScaleBar(double length, String label, double pixels) {

    static ScaleBar of(double pixelSize, String units, int widthPixels) {
        double target = 0.2 * widthPixels * pixelSize;
        double length = NiceNumbers.floorNice(target);
        double shown = length;
        String shownUnits = units;
        if ("nm".equals(units) && length >= 1000) {
            shown = length / 1000;
            shownUnits = "µm";
        } else if ("µm".equals(units) || "um".equals(units)) {
            shownUnits = "µm";
            if (length < 1) {
                shown = length * 1000;
                shownUnits = "nm";
            }
        }
        String number = shown == Math.rint(shown) ? Long.toString((long) shown)
                : String.format(Locale.ROOT, "%s", NiceNumbers.label(shown));
        return new ScaleBar(length, number + " " + shownUnits, length / pixelSize);
    }
}
