package org.sicube.datasets.formats.dm;

import java.util.List;
import java.util.Locale;

/**
 * One entry of a DigitalMicrograph {@code ImageList}: its dimensions as DM stores them (dimension 0
 * varies fastest in the file), pixel type code, the located {@code ImageData/Data} array, the
 * per-dimension calibration ({@code ImageData/Calibrations/Dimension}: physical value of index i is
 * {@code (i - origin) * scale} in {@code units}) and its {@code ImageTags}.
 */
record DmImage(int index, long[] dims, int dataType, DmData data, double[] origins, double[] scales,
               String[] units, DmGroup tags, String name) {

    /** Reads an ImageList entry, or returns null when it has no image data (DM also lists empty slots). */
    static DmImage of(int index, Object entry) {
        if (!(entry instanceof DmGroup g)) {
            return null;
        }
        DmGroup dimGroup = g.group("ImageData:Dimensions");
        DmData data = g.data("ImageData:Data");
        if (dimGroup == null || data == null || dimGroup.size() == 0) {
            return null;
        }
        List<Object> dimList = dimGroup.list();
        long[] dims = new long[dimList.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dimList.get(i) instanceof DmData d ? (long) d.number() : -1;
        }
        int n = dims.length;
        double[] origins = new double[n];
        double[] scales = new double[n];
        String[] units = new String[n];
        DmGroup cal = g.group("ImageData:Calibrations:Dimension");
        List<Object> cals = cal == null ? List.of() : cal.list();
        for (int i = 0; i < n; i++) {
            // DM plug-ins sometimes write fewer calibrations than dimensions: missing ones are uncalibrated.
            DmGroup c = i < cals.size() && cals.get(i) instanceof DmGroup cg ? cg : null;
            origins[i] = c == null || Double.isNaN(c.number("Origin")) ? 0 : c.number("Origin");
            scales[i] = c == null || Double.isNaN(c.number("Scale")) ? 1 : c.number("Scale");
            units[i] = c == null ? "" : c.text("Units").trim();
        }
        DmGroup tags = g.group("ImageTags");
        return new DmImage(index, dims, (int) g.number("ImageData:DataType"), data, origins, scales, units,
                tags == null ? new DmGroup() : tags, g.text("Name"));
    }

    int rank() {
        return dims.length;
    }

    boolean isEnergyUnit(int dim) {
        String u = units[dim].toLowerCase(Locale.ROOT);
        return u.equals("ev") || u.equals("kev");
    }

    /** True when DM's own tags say this 1-D or 2-D image holds spectra (not, say, a HAADF image). */
    boolean taggedAsSpectra() {
        String format = tags.text("Meta Data:Format");
        return format.equalsIgnoreCase("Spectrum") || format.equalsIgnoreCase("Spectrum image")
                || tags.find("spim") != null;
    }

    String describe() {
        StringBuilder sb = new StringBuilder("#").append(index).append(" '").append(name).append("' ");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return sb.append(" DataType ").append(dataType).toString();
    }
}
