package org.sicube.datasets.formats.ripple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * The key/value pairs of a Ripple {@code .rpl} "raw parameter list" (NIST Lispix): ASCII, one
 * {@code key<TAB>value} per line, keys case-insensitive, {@code ;} comment lines, a first line of
 * two column names, extra columns ignored. Keys are stored lower-case.
 */
public final class RippleHeader {
    /** A parameter list is a few hundred bytes; anything this large is not one. */
    static final int MAX_BYTES = 1 << 20;
    private static final Set<String> SHAPE_KEYS = Set.of("width", "height", "depth", "offset", "data-length",
            "data-type", "byte-order", "record-by");

    private final String file;
    private final Map<String, String> values;

    private RippleHeader(String file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    public static RippleHeader read(InputFile rpl) throws IOException {
        long length = rpl.length();
        if (length > MAX_BYTES) {
            throw new InvalidInputException(rpl.location() + ": " + length + " bytes is too large for a Ripple "
                    + "parameter list (at most " + MAX_BYTES + "); is this the .raw file?");
        }
        String text = new String(rpl.readRange(0, (int) length), StandardCharsets.ISO_8859_1);
        return parse(rpl.location(), text);
    }

    static RippleHeader parse(String file, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean namesLineSeen = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            String[] cols = line.contains("\t") ? line.split("\t") : line.split("\\s+");
            String key = cols[0].strip().toLowerCase(Locale.ROOT);
            String value = cols.length > 1 ? cols[1].strip() : "";
            // The first line names the two columns ("key<TAB>value"); tolerate files that omit it.
            if (!namesLineSeen) {
                namesLineSeen = true;
                if (!SHAPE_KEYS.contains(key)) {
                    continue;
                }
            }
            if (values.put(key, value) != null) {
                throw new InvalidInputException(file + ": key '" + key + "' appears twice");
            }
        }
        return new RippleHeader(file, values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key}, or {@code fallback} when it is absent. */
    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** A required whole number in {@code [min, max]}. */
    public long whole(String key, long min, long max) {
        String v = values.get(key);
        if (v == null) {
            throw new InvalidInputException(file + ": required key '" + key + "' is missing");
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": key '" + key + "' must be a whole number, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new InvalidInputException(file + ": key '" + key + "' is " + n + ", outside " + min + ".." + max);
        }
        return n;
    }

    public long whole(String key, long min, long max, long fallback) {
        return has(key) ? whole(key, min, max) : fallback;
    }

    /** An optional number; NaN when absent, an error naming the key when unreadable. */
    public double number(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": key '" + key + "' must be a number, got '" + v + "'");
        }
    }

    /** A required choice among {@code allowed} (compared case-insensitively, returned lower-case). */
    public String choice(String key, String fallback, String... allowed) {
        String v = values.getOrDefault(key, fallback);
        if (v == null) {
            throw new InvalidInputException(file + ": required key '" + key + "' is missing");
        }
        String lower = v.toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(lower)) {
                return lower;
            }
        }
        throw new InvalidInputException(file + ": key '" + key + "' is '" + v + "'; expected one of "
                + String.join(", ", allowed));
    }

    public String file() {
        return file;
    }
}
