package org.sicube.transforms.background;

import java.util.List;
import org.sicube.transforms.physics.DetectorResolution;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.physics.XrayLine;
import org.sicube.transforms.physics.XrayLineTable;

/**
 * The EDS channels free of characteristic lines, where the continuum is fitted: channel centres in
 * [{@code fromEv}, {@code toEv}] and below the beam energy, outside ±{@code halfWidthFwhm} × FWHM(E)
 * of every tabulated line ({@link XrayLineTable}) of the given elements that the beam can excite
 * (line energy below E0). FWHM(E) from {@link DetectorResolution}.
 */
public final class LineFreeChannels {
    private LineFreeChannels() {
    }

    /** A mask over the grid's channels: true where the continuum may be fitted. */
    public static boolean[] of(EnergyGrid grid, double fromEv, double toEv, double beamEnergyKeV,
            List<String> elements, DetectorResolution resolution, double halfWidthFwhm) {
        boolean[] free = new boolean[grid.channels()];
        double topEv = Math.min(toEv, beamEnergyKeV * 1000.0);
        for (int i = 0; i < free.length; i++) {
            double e = grid.energyEv(i);
            free[i] = e >= fromEv && e <= topEv && e > 0;
        }
        XrayLineTable table = XrayLineTable.get();
        for (String element : elements) {
            for (XrayLine l : table.lines(element)) {
                if (l.energyKeV() >= beamEnergyKeV || !(l.weight() > 0)) {
                    continue;
                }
                double half = halfWidthFwhm * resolution.fwhmEv(l.energyEv());
                int lo = (int) Math.max(0, Math.ceil(grid.channelOf(l.energyEv() - half)));
                int hi = (int) Math.min(free.length - 1, Math.floor(grid.channelOf(l.energyEv() + half)));
                for (int i = lo; i <= hi; i++) {
                    free[i] = false;
                }
            }
        }
        return free;
    }

    /** Number of true entries. */
    public static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
