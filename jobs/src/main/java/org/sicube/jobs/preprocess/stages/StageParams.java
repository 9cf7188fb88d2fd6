package org.sicube.jobs.preprocess.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One stage's entry of a pipeline config ({@code stages[i]}, a map with {@code type} and its
 * parameters), read with typed getters whose errors name the key, e.g. {@code stages[2].window}.
 * Each stage first declares its keys with {@link #allowOnly}: a misspelt key is an error, never
 * silently ignored.
 */
public final class StageParams {
    private final ObjectNode node;
    private final String path;

    public StageParams(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Rejects any key besides {@code type} and {@code keys}, naming it and listing the known ones. */
    public StageParams allowOnly(String... keys) {
        Set<String> known = new LinkedHashSet<>(List.of(keys));
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!k.equals("type") && !known.contains(k)) {
                throw error(k, "unknown key for a " + type() + " stage; known keys: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        return this;
    }

    /** The config path of this stage, e.g. {@code stages[2]}. */
    public String path() {
        return path;
    }

    /** The config path of one of its keys. */
    public String key(String name) {
        return path + "." + name;
    }

    public String type() {
        return node.path("type").asText();
    }

    public boolean has(String name) {
        return node.hasNonNull(name);
    }

    public double number(String name, double fallback) {
        return has(name) ? number(name) : fallback;
    }

    public double number(String name) {
        JsonNode v = require(name);
        if (!v.isNumber()) {
            throw error(name, "must be a number, got " + v);
        }
        return v.asDouble();
    }

    public int integer(String name, int fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode v = require(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(name, "must be an integer, got " + v);
        }
        return v.asInt();
    }

    public String text(String name, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode v = require(name);
        if (!v.isTextual()) {
            throw error(name, "must be a string, got " + v);
        }
        return v.asText();
    }

    /** A non-empty list of strings, e.g. {@code [Fe, Cr]}. */
    public List<String> texts(String name) {
        JsonNode v = require(name);
        if (!v.isArray() || v.isEmpty()) {
            throw error(name, "must be a non-empty list of strings, got " + v);
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw error(name, "must be a list of strings, got " + v);
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A pair {@code [a, b]} of numbers with a < b (a window or range). */
    public double[] pair(String name) {
        JsonNode v = require(name);
        if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
            throw error(name, "must be a pair of numbers [from, to], got " + v);
        }
        double a = v.get(0).asDouble();
        double b = v.get(1).asDouble();
        if (!(a < b)) {
            throw error(name, "must increase, [from, to] with from < to, got " + v);
        }
        return new double[] {a, b};
    }

    /** A list of pairs {@code [[a, b], ...]}, each with a < b; empty when absent. */
    public List<double[]> pairs(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonNode v = require(name);
        if (!v.isArray()) {
            throw error(name, "must be a list of pairs [[from, to], ...], got " + v);
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isArray() || e.size() != 2 || !e.get(0).isNumber() || !e.get(1).isNumber()
                    || !(e.get(0).asDouble() < e.get(1).asDouble())) {
                throw error(name + "[" + i + "]", "must be a pair [from, to] with from < to, got " + e);
            }
            out.add(new double[] {e.get(0).asDouble(), e.get(1).asDouble()});
        }
        return out;
    }

    /** A positive number, checked. */
    public double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw error(name, "must be positive, got " + value);
        }
        return value;
    }

    /** A user error about key {@code name} of this stage. */
    public IllegalArgumentException error(String name, String what) {
        return new IllegalArgumentException("config key " + key(name) + " (" + type() + "): " + what);
    }

    private JsonNode require(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw error(name, "is required");
        }
        return v;
    }
}
