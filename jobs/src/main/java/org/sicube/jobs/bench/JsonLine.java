package org.sicube.jobs.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object printed on one line, keys in insertion order. Values: strings, numbers (NaN and
 * infinities become {@code null}), booleans, null, lists and nested lines.
 */
public final class JsonLine {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public JsonLine put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    public Object get(String key) {
        return values.get(key);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        append(s, values);
        return s.toString();
    }

    private static void append(StringBuilder s, Object v) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof JsonLine j) {
            append(s, j.values);
        } else if (v instanceof Map<?, ?> m) {
            s.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                s.append(sep);
                appendString(s, String.valueOf(e.getKey()));
                s.append(':');
                append(s, e.getValue());
                sep = ",";
            }
            s.append('}');
        } else if (v instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                s.append(i == 0 ? "" : ",");
                append(s, list.get(i));
            }
            s.append(']');
        } else if (v instanceof Double || v instanceof Float) {
            s.append(number(((Number) v).doubleValue()));
        } else if (v instanceof Number || v instanceof Boolean) {
            s.append(v);
        } else {
            appendString(s, v.toString());
        }
    }

    /** Four significant digits are plenty for noisy timings; integral values without a fraction. */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String t = String.format(Locale.ROOT, "%.4g", d);
        return t.contains("e") ? t : t.replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static void appendString(StringBuilder s, String t) {
        s.append('"');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
