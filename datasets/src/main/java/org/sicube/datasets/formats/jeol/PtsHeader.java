package org.sicube.datasets.formats.jeol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * The header of a JEOL Analysis Station {@code .pts} file: a fixed block (u32 LE magic 304,
 * "PTTDFILE", then six u32 LE: two unknown, parameter-tree offset (the tree starts 12 bytes after
 * it), tree length, event-stream offset and length) and the parameter tree, from which come the
 * scan size in pixels ({@code Meas Cond/Pixels}, "512x512"), the energy calibration
 * {@code E(ch) = CoefB + CoefA * (ch - DigZ)} in keV, beam energy (kV), live and real time (s), the
 * detector and the field of view ({@code ScanSize / Mag} mm).
 */
record PtsHeader(int width, int height, double coefA, double coefB, double digZ, double beamKv, double liveTimeS,
                 double realTimeS, String detector, double fieldOfViewUm, int sweeps, long dataOffset,
                 long dataLength) {

    static final int MAGIC = 304;
    private static final String DOC = "PTTD Data/AnalyzableMap MeasData/";
    private static final int MAX_TREE_BYTES = 16 << 20;

    static PtsHeader read(InputFile file) throws IOException {
        String f = file.location();
        long length = file.length();
        if (length < 36) {
            throw new InvalidInputException(f + ": " + length + " bytes is too short for a JEOL .pts header");
        }
        ByteBuffer fixed = ByteBuffer.wrap(file.readRange(0, 36)).order(ByteOrder.LITTLE_ENDIAN);
        if (fixed.getInt(0) != MAGIC) {
            throw new InvalidInputException(f + ": first word is " + fixed.getInt(0) + ", not the .pts magic " + MAGIC);
        }
        long treeAt = (fixed.getInt(20) & 0xffffffffL) + 12;
        long dataAt = fixed.getInt(28) & 0xffffffffL;
        long dataLen = fixed.getInt(32) & 0xffffffffL;
        if (treeAt < 36 || dataAt <= treeAt || dataAt - treeAt > MAX_TREE_BYTES || dataAt > length) {
            throw new InvalidInputException(f + ": header offsets are inconsistent (parameter tree at byte " + treeAt
                    + ", events at byte " + dataAt + ", file length " + length + ")");
        }
        if (dataAt + dataLen > length) {
            throw new InvalidInputException(f + ": header says the event stream is " + dataLen + " bytes from byte "
                    + dataAt + " but the file ends at " + length + "; the file is truncated");
        }
        JedNode root = JedTreeParser.parse(file.readRange(treeAt, (int) (dataAt - treeAt)), treeAt, f);
        String pixels = required(root, DOC + "Meas Cond/Pixels", f).text();
        int x = pixels.indexOf('x');
        int width = x > 0 ? parseSize(pixels.substring(0, x)) : -1;
        int height = x > 0 ? parseSize(pixels.substring(x + 1)) : -1;
        if (width <= 0 || height <= 0) {
            throw new InvalidInputException(f + ": Meas Cond/Pixels is '" + pixels + "'; expected WIDTHxHEIGHT with "
                    + "sizes from 1 to 4096 (the scan coordinates have 12 bits)");
        }
        double coefA = number(required(root, DOC + "Doc/CoefA", f), f);
        double coefB = number(required(root, DOC + "Doc/CoefB", f), f);
        String tpl = required(root, DOC + "Meas Cond/Tpl", f).text();
        JedNode edx = page(root, "EDXRF");
        JedNode digZ = edx == null ? null : edx.find("Tpl/" + tpl + "/DigZ");
        if (digZ == null) {
            throw new InvalidInputException(f + ": parameter 'PTTD Param/Params/PARAMPAGE(EDXRF)/Tpl/" + tpl
                    + "/DigZ' (channel of zero energy) is missing");
        }
        if (!(coefA > 0)) {
            throw new InvalidInputException(f + ": Doc/CoefA (keV per channel) is " + coefA + "; it must be positive");
        }
        JedNode sem = page(root, "SEM");
        double fov = numberOr(sem == null ? null : sem.child("ScanSize")) / numberOr(root.find(DOC + "MeasCond/Mag")) * 1e3;
        return new PtsHeader(width, height, coefA, coefB, number(digZ, f), numberOr(root.find(DOC + "MeasCond/AccKV")),
                numberOr(root.find(DOC + "Doc/LiveTime")), numberOr(root.find(DOC + "Doc/RealTime")),
                sem == null || sem.child("DetT") == null ? "" : sem.child("DetT").text(), fov,
                (int) numberOr(root.find(DOC + "Doc/Sweep")), dataAt, dataLen & ~1L);
    }

    /** The channel count of the event stream: energies are 12-bit channel numbers. */
    static int rawChannels() {
        return 4096;
    }

    /** The {@code PARAMPAGEn} entry of {@code PTTD Param/Params} whose value is {@code kind}. */
    private static JedNode page(JedNode root, String kind) {
        JedNode params = root.find("PTTD Param/Params");
        if (params == null) {
            return null;
        }
        for (JedNode c : params.children) {
            if (c.name.startsWith("PARAMPAGE") && c.text().equals(kind)) {
                return c;
            }
        }
        return null;
    }

    private static JedNode required(JedNode root, String path, String f) {
        JedNode n = root.find(path);
        if (n == null) {
            throw new InvalidInputException(f + ": parameter '" + path + "' is missing from the header");
        }
        return n;
    }

    private static double number(JedNode n, String f) {
        double v = n.number();
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(f + ": parameter '" + n.name + "' is not a finite number");
        }
        return v;
    }

    private static double numberOr(JedNode n) {
        return n == null ? Double.NaN : n.number();
    }

    private static int parseSize(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v >= 1 && v <= 4096 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
