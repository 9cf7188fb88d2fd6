package org.sicube.datasets.formats;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Format-specific reading choices given by the user as {@code key=value} (for example
 * {@code signal=EELS480}, {@code frames=0-9}, {@code bin=4}). Each format declares the keys it
 * understands; any other key is an error naming it.
 */
public record ReaderOptions(Map<String, String> values) implements Serializable {
    public static final ReaderOptions NONE = new ReaderOptions(Map.of());

    public ReaderOptions {
        values = Map.copyOf(values);
    }

    /** Parses {@code key=value} strings as typed on a command line. */
    public static ReaderOptions parse(Iterable<String> pairs) {
        Map<String, String> m = new TreeMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("reader option '" + p + "' must look like key=value");
            }
            m.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return new ReaderOptions(m);
    }

    /** Fails naming the first key that {@code format} does not understand. */
    public void requireOnly(String format, Set<String> known) {
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw new InvalidInputException("reader option '" + k + "' is not understood by the " + format
                        + " reader; it understands: " + (known.isEmpty() ? "no options" : String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int getInt(String key, int fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("reader option '" + key + "' must be a whole number, got '" + v + "'");
        }
    }
}
