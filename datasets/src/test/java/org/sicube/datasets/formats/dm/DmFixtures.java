package org.sicube.datasets.formats.dm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Generated DigitalMicrograph files with known content: a spectrum image whose value at
 * {@code (x, y, e)} is {@link #value}, energy calibration origin 20, scale 0.5 eV (offset -10 eV),
 * pixel size 2.5 nm, beam 300 kV, EELS tags, and a small RGB thumbnail listed first in ImageList as
 * GMS writes it.
 */
final class DmFixtures {
    static final double ORIGIN = 20;
    static final double SCALE = 0.5;

    private DmFixtures() {
    }

    /** Known test value, exact in every pixel type (0..99, plus a half for floating types). */
    static double value(int x, int y, int e, DmPixelType t) {
        double v = (x * 7 + y * 13 + e * 3) % 100;
        return t == DmPixelType.FLOAT32 || t == DmPixelType.FLOAT64 ? v + 0.5 : v;
    }

    /** A 3-D spectrum image; energy slowest ({@code (x, y, E)}, as DM writes SIs) or fastest ({@code (E, x, y)}). */
    static byte[] spectrumImage(int version, ByteOrder order, int nx, int ny, int ne, DmPixelType t,
                                boolean energyFastest) {
        double[] v = new double[nx * ny * ne];
        int i = 0;
        if (energyFastest) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    for (int e = 0; e < ne; e++) {
                        v[i++] = value(x, y, e, t);
                    }
                }
            }
            return file(version, order, t, v, new long[] {ne, nx, ny}, new String[] {"eV", "nm", "nm"}, 0);
        }
        for (int e = 0; e < ne; e++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v[i++] = value(x, y, e, t);
                }
            }
        }
        return file(version, order, t, v, new long[] {nx, ny, ne}, new String[] {"nm", "nm", "eV"}, 2);
    }

    /** A single spectrum (1-D) of {@code ne} channels with value(0, 0, e). */
    static byte[] spectrum(int version, ByteOrder order, int ne, DmPixelType t) {
        double[] v = new double[ne];
        for (int e = 0; e < ne; e++) {
            v[e] = value(0, 0, e, t);
        }
        return file(version, order, t, v, new long[] {ne}, new String[] {"eV"}, 0);
    }

    /** A DM line scan {@code (E, x)}: energy fastest, one row. */
    static byte[] lineScan(int version, ByteOrder order, int nx, int ne, DmPixelType t) {
        double[] v = new double[nx * ne];
        for (int x = 0; x < nx; x++) {
            for (int e = 0; e < ne; e++) {
                v[x * ne + e] = value(x, 0, e, t);
            }
        }
        return file(version, order, t, v, new long[] {ne, nx}, new String[] {"eV", "nm"}, 0);
    }

    static byte[] file(int version, ByteOrder order, DmPixelType t, double[] values, long[] dims, String[] units,
                       int energyDim) {
        return file(version, order, t.code, encode(t, values, order), dims, units, energyDim);
    }

    static byte[] file(int version, ByteOrder order, int dataType, DmTestWriter.Array data, long[] dims,
                       String[] units, int energyDim) {
        DmTestWriter.Group root = new DmTestWriter.Group();
        root.put("ApplicationBounds", new DmTestWriter.Struct(0, 0, 830, 1410));
        root.put("PageSetup", new DmTestWriter.StructArray(3));
        DmTestWriter.Group list = root.group("ImageList");
        thumbnail(list.group(""), order);
        DmTestWriter.Group im = list.group("");
        DmTestWriter.Group imageData = im.group("ImageData");
        DmTestWriter.Group dimCal = imageData.group("Calibrations").group("Dimension");
        for (int d = 0; d < dims.length; d++) {
            DmTestWriter.Group c = dimCal.group("");
            c.put("Origin", (float) (d == energyDim ? ORIGIN : 0));
            c.put("Scale", (float) (d == energyDim ? SCALE : 2.5));
            c.put("Units", units[d]);
        }
        imageData.put("Data", data);
        imageData.put("DataType", dataType);
        DmTestWriter.Group dg = imageData.group("Dimensions");
        for (long d : dims) {
            dg.put("", (int) d);
        }
        DmTestWriter.Group tags = im.group("ImageTags");
        tags.group("Meta Data").put("Format", dims.length == 3 ? "Spectrum image" : "Spectrum").put("Signal", "EELS");
        tags.group("Microscope Info").put("Voltage", 300000.0).put("Name", "Test TEM");
        DmTestWriter.Group eels = tags.group("EELS");
        eels.group("Acquisition").put("Exposure (s)", 0.25).put("Number of frames", 4);
        eels.group("Experimental Conditions").put("Convergence semi-angle (mrad)", 21.5)
                .put("Collection semi-angle (mrad)", 35.0);
        tags.group("EELS Spectrometer").put("Dispersion (eV/ch)", 0.5).put("Instrument name", "GIF Test");
        im.put("Name", "Spectrum Image");
        root.group("Thumbnails").group("").put("ImageIndex", 0);
        return new DmTestWriter(version, order).write(root);
    }

    private static void thumbnail(DmTestWriter.Group g, ByteOrder order) {
        DmTestWriter.Group d = g.group("ImageData");
        d.put("Data", new DmTestWriter.Array(5, 12, new byte[48]));
        d.put("DataType", 23);
        DmTestWriter.Group dims = d.group("Dimensions");
        dims.put("", 4).put("", 3);
        g.put("Name", "thumbnail");
    }

    static DmTestWriter.Array encode(DmPixelType t, double[] v, ByteOrder order) {
        ByteBuffer bb = ByteBuffer.allocate(v.length * t.bytes).order(order);
        for (double d : v) {
            switch (t) {
                case INT8, UINT8 -> bb.put((byte) (int) d);
                case INT16, UINT16 -> bb.putShort((short) (int) d);
                case INT32, UINT32 -> bb.putInt((int) (long) d);
                case FLOAT32 -> bb.putFloat((float) d);
                case FLOAT64 -> bb.putDouble(d);
            }
        }
        int type = switch (t) {
            case INT8 -> 9;
            case UINT8 -> 10;
            case INT16 -> 2;
            case UINT16 -> 4;
            case INT32 -> 3;
            case UINT32 -> 5;
            case FLOAT32 -> 6;
            case FLOAT64 -> 7;
        };
        return new DmTestWriter.Array(type, v.length, bb.array());
    }
}
