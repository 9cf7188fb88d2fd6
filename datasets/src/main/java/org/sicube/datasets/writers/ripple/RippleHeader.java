package org.sicube.datasets.writers.ripple;

import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sicube.datasets.model.EnergyAxis;

/**
 * What a Ripple {@code .rpl} header says about its {@code .raw} cube: {@code ny × nx} pixels of
 * {@code energy.size()} channels, stored record-by vector (energy fastest, {@code (y, x, E)}) from
 * offset 0 in {@code type} and {@code order}. Pixel size in {@code pixelUnits} (NaN when unknown),
 * beam energy in keV (NaN when unknown), {@code signal} a HyperSpy signal type such as "EDS_TEM".
 */
public record RippleHeader(int ny, int nx, EnergyAxis energy, RippleDataType type, ByteOrder order,
                           double pixelSize, String pixelUnits, double beamEnergyKeV, String signal, String title) {

    public RippleHeader {
        if (ny <= 0 || nx <= 0) {
            throw new IllegalArgumentException("Ripple cube needs a positive shape, got " + ny + "x" + nx);
        }
        pixelUnits = pixelUnits == null ? "" : pixelUnits;
        signal = signal == null ? "" : signal;
        title = title == null ? "" : title;
    }

    public int channels() {
        return energy.size();
    }

    /** Size of the .raw file in bytes. */
    public long rawBytes() {
        return (long) ny * nx * channels() * type.bytes();
    }

    /**
     * The header lines, {@code key<TAB>value}, in the key set Lispix defines plus HyperSpy's optional
     * calibration keys (depth-/width-/height-origin, -scale, -units, -name, ev-per-chan, beam-energy,
     * signal, title). No parenthesis in the first line: HyperSpy takes such files for Oxford INCA's
     * dialect.
     */
    public String toText() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("width", Integer.toString(nx));
        keys.put("height", Integer.toString(ny));
        keys.put("depth", Integer.toString(channels()));
        keys.put("offset", "0");
        keys.put("data-length", Integer.toString(type.bytes()));
        keys.put("data-type", type.headerType());
        keys.put("byte-order", order == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian");
        keys.put("record-by", "vector");
        keys.put("depth-origin", number(energy.offset()));
        keys.put("depth-scale", number(energy.scale()));
        keys.put("depth-units", energy.units());
        keys.put("depth-name", "Energy");
        keys.put("ev-per-chan", number(energy.scaleEv()));
        if (Double.isFinite(pixelSize) && pixelSize > 0) {
            for (String axis : new String[] {"width", "height"}) {
                keys.put(axis + "-origin", "0");
                keys.put(axis + "-scale", number(pixelSize));
                keys.put(axis + "-units", pixelUnits);
            }
        }
        keys.put("width-name", "x");
        keys.put("height-name", "y");
        if (Double.isFinite(beamEnergyKeV)) {
            keys.put("beam-energy", number(beamEnergyKeV));
        }
        if (!signal.isEmpty()) {
            keys.put("signal", signal);
        }
        if (!title.isEmpty()) {
            keys.put("title", title.replace('\t', ' ').replace('\n', ' '));
        }
        StringBuilder text = new StringBuilder(";Ripple header of a spectrum image, record-by vector\n");
        keys.forEach((k, v) -> text.append(k).append('\t').append(v).append('\n'));
        return text.toString();
    }

    /** Shortest text that parses back to exactly {@code v}; integral values without ".0". */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
