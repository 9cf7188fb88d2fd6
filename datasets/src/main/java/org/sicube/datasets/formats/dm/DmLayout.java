package org.sicube.datasets.formats.dm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;

/**
 * Where the spectrum image of a DM file lies and how it is ordered. DigitalMicrograph stores
 * dimension 0 fastest. A 3-D spectrum image is {@code (x, y, E)}: energy is the slowest axis, so a
 * spectrum is strided by {@code nx * ny} values ({@code energyFastest == false}). A 2-D line scan is
 * {@code (E, x)} and a single spectrum {@code (E)}, both energy fastest. When the default energy
 * dimension carries no energy units but the other end does, that one is taken (files written by
 * other programs). Energy axis: {@code offset = -origin * scale}, as HyperSpy reads it.
 */
record DmLayout(DmImage image, int nx, int ny, int channels, boolean energyFastest, DmPixelType type,
                EnergyAxis energy, double pixelSize, String pixelUnits) {

    /** Chooses the spectrum image: entry {@code requested} if {@code >= 0}, else the best candidate. */
    static DmLayout choose(DmTagTree tree, int requested, String file) {
        DmGroup list = tree.root().group("ImageList");
        if (list == null) {
            throw new InvalidInputException(file + ": no ImageList tag group; this DM file holds no images");
        }
        Set<Integer> thumbs = new HashSet<>();
        DmGroup tg = tree.root().group("Thumbnails");
        for (Object t : tg == null ? List.of() : tg.list()) {
            if (t instanceof DmGroup g && !Double.isNaN(g.number("ImageIndex"))) {
                thumbs.add((int) g.number("ImageIndex"));
            }
        }
        List<DmImage> images = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            DmImage im = DmImage.of(i, list.entry(i));
            if (im != null && (requested == i || (requested < 0 && !thumbs.contains(i)))) {
                images.add(im);
            }
        }
        if (requested >= 0) {
            if (images.isEmpty()) {
                throw new InvalidInputException(file + ": reader option image=" + requested + " names no image; ImageList has "
                        + list.size() + " entries");
            }
            return of(images.get(0), file);
        }
        DmImage best = null;
        for (DmImage im : images) {
            if (rankScore(im) > (best == null ? 0 : rankScore(best))) {
                best = im;
            }
        }
        if (best == null) {
            List<String> found = new ArrayList<>();
            images.forEach(im -> found.add(im.describe()));
            throw new InvalidInputException(file + ": no spectrum or spectrum image in ImageList (found: "
                    + (found.isEmpty() ? "no images" : String.join(", ", found)) + ")");
        }
        return of(best, file);
    }

    /** 3 for a 3-D image, 2 for a 2-D image that holds spectra, 1 for a 1-D spectrum, 0 otherwise. */
    private static int rankScore(DmImage im) {
        return switch (im.rank()) {
            case 3 -> 3;
            case 2 -> im.taggedAsSpectra() || im.isEnergyUnit(0) || im.isEnergyUnit(1) ? 2 : 0;
            case 1 -> 1;
            default -> 0;
        };
    }

    static DmLayout of(DmImage im, String file) {
        String where = file + ": ImageList entry " + im.describe();
        DmPixelType type = DmPixelType.of(im.dataType());
        if (type == null) {
            throw new InvalidInputException(where + ": " + DmPixelType.whyUnsupported(im.dataType()));
        }
        int rank = im.rank();
        if (rank < 1 || rank > 3) {
            throw new InvalidInputException(where + ": has " + rank + " dimensions; a spectrum image has 1 to 3");
        }
        long voxels = 1;
        for (long d : im.dims()) {
            if (d <= 0 || d > Integer.MAX_VALUE) {
                throw new InvalidInputException(where + ": dimension size " + d + " is not a positive 32-bit number");
            }
            voxels = Math.multiplyHigh(voxels, d) != 0 ? -1 : voxels * d;
            if (voxels < 0) {
                throw new InvalidInputException(where + ": dimensions overflow");
            }
        }
        DmData data = im.data();
        long stored = data.count() * DmData.elementBytes(data.type());
        if (voxels > Long.MAX_VALUE / type.bytes || stored != voxels * type.bytes) {
            throw new InvalidInputException(where + ": ImageData/Data holds " + stored + " bytes but the dimensions and "
                    + "DataType need " + voxels + " x " + type.bytes);
        }
        int last = rank - 1;
        int e = rank == 1 ? 0 : rank == 2 ? 0 : 2;
        if (rank > 1 && !im.isEnergyUnit(e) && im.isEnergyUnit(last - e)) {
            e = last - e;
        }
        boolean fastest = e == 0;
        int[] nav = rank == 3 ? (fastest ? new int[] {1, 2} : new int[] {0, 1}) : rank == 2 ? new int[] {1 - e} : new int[0];
        int nx = nav.length > 0 ? (int) im.dims()[nav[0]] : 1;
        int ny = nav.length > 1 ? (int) im.dims()[nav[1]] : 1;
        String units = im.units()[e];
        if (!units.isEmpty() && !im.isEnergyUnit(e)) {
            throw new InvalidInputException(where + ": the signal axis (dimension " + e + ") has units '" + units
                    + "', not eV or keV; this is not an energy spectrum");
        }
        double scale = im.scales()[e];
        double offset = -im.origins()[e] * scale;
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new InvalidInputException(where + ": energy calibration (Calibrations/Dimension " + e + ") has origin "
                    + im.origins()[e] + " and scale " + scale + "; the scale must be a positive number");
        }
        EnergyAxis axis = new EnergyAxis(offset, scale, units, (int) im.dims()[e]);
        double px = nav.length > 0 ? im.scales()[nav[0]] : Double.NaN;
        String pu = nav.length > 0 ? im.units()[nav[0]] : "";
        return new DmLayout(im, nx, ny, (int) im.dims()[e], fastest, type, axis, px, pu);
    }
}
