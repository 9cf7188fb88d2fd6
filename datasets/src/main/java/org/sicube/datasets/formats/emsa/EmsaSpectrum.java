package org.sicube.datasets.formats.emsa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * One spectrum in the EMSA/MAS spectral data format (ISO 22029; EMSA/MAS standard 1.0, 1991):
 * {@code #KEYWORD -units : value} header lines, then after {@code #SPECTRUM} the {@code NPOINTS}
 * values (DATATYPE {@code Y}) or x, y pairs (DATATYPE {@code XY}) separated by commas or blanks,
 * up to {@code #ENDOFDATA}. Keywords are stored upper-case without their units.
 */
public record EmsaSpectrum(Map<String, String> keywords, float[] counts) {

    public static EmsaSpectrum read(InputFile file) throws IOException {
        String f = file.location();
        long length = file.length();
        Map<String, String> kw = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.ISO_8859_1))) {
            int lineNo = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                // A UTF-8 byte-order mark read as ISO-8859-1 is these three characters.
                String t = (lineNo == 1 && line.startsWith("\u00EF\u00BB\u00BF") ? line.substring(3) : line).strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (!t.startsWith("#")) {
                    throw new InvalidInputException(f + ": line " + lineNo + " is neither a #KEYWORD line nor after "
                            + "#SPECTRUM: '" + abbreviate(t) + "'");
                }
                int colon = t.indexOf(':');
                String key = keyword(colon < 0 ? t : t.substring(0, colon));
                kw.put(key, colon < 0 ? "" : t.substring(colon + 1).strip());
                if (key.equals("SPECTRUM")) {
                    return new EmsaSpectrum(Map.copyOf(kw), data(f, in, lineNo, kw, length));
                }
            }
        }
        throw new InvalidInputException(f + ": no #SPECTRUM line; the file ends before the data");
    }

    /** "#BEAMKV   -kV" → "BEAMKV". */
    static String keyword(String field) {
        String k = field.substring(1).strip();
        int cut = 0;
        while (cut < k.length() && !Character.isWhitespace(k.charAt(cut)) && (k.charAt(cut) != '-' || cut == 0)) {
            cut++;
        }
        return k.substring(0, cut).toUpperCase(Locale.ROOT);
    }

    private static float[] data(String f, BufferedReader in, int lineNo, Map<String, String> kw, long fileLength)
            throws IOException {
        double declared = number(f, kw, "NPOINTS");
        // Every value needs at least one character and a separator: bounds NPOINTS before allocating.
        if (Double.isNaN(declared) || declared != Math.rint(declared) || declared < 1 || declared > fileLength / 2 + 1) {
            throw new InvalidInputException(f + ": keyword NPOINTS is '" + kw.get("NPOINTS") + "'; expected a whole "
                    + "number of channels that fits in the " + fileLength + "-byte file");
        }
        String type = kw.getOrDefault("DATATYPE", "Y").toUpperCase(Locale.ROOT);
        if (!type.equals("Y") && !type.equals("XY")) {
            throw new InvalidInputException(f + ": keyword DATATYPE is '" + type + "'; expected Y or XY");
        }
        int perPoint = type.equals("XY") ? 2 : 1;
        float[] counts = new float[(int) declared];
        int n = 0;
        long token = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.startsWith("#")) {
                if (keyword(t.contains(":") ? t.substring(0, t.indexOf(':')) : t).equals("ENDOFDATA")) {
                    break;
                }
                continue;
            }
            for (String s : t.split("[,;\\s]+")) {
                if (s.isEmpty()) {
                    continue;
                }
                if (token++ % perPoint == perPoint - 1) {
                    if (n == counts.length) {
                        throw new InvalidInputException(f + ": line " + lineNo + " holds more than the NPOINTS = "
                                + counts.length + " values");
                    }
                    counts[n++] = value(f, s, lineNo);
                }
            }
        }
        if (n != counts.length) {
            throw new InvalidInputException(f + ": NPOINTS is " + counts.length + " but the data hold " + n
                    + " values; the file is truncated or NPOINTS is wrong");
        }
        return counts;
    }

    private static float value(String f, String s, int lineNo) {
        try {
            return Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(f + ": line " + lineNo + ": '" + abbreviate(s) + "' is not a number");
        }
    }

    /** The keyword as a number; NaN when absent or blank, an error naming it when unreadable. */
    static double number(String f, Map<String, String> kw, String key) {
        String v = kw.get(key);
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(f + ": keyword " + key + " must be a number, got '" + abbreviate(v) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
