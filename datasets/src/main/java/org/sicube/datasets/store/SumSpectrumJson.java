package org.sicube.datasets.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sicube.datasets.io.InvalidInputException;

/**
 * The store's {@code sum_spectrum.json}: the sum of all its spectra, one number per channel of
 * {@code header.json}'s axis ({@code {"channels": E, "values": [...]}}), written by the store's
 * writer while it wrote the blocks, so that readers need no pass over the data for it. Values are
 * written exactly (shortest round-trip decimals). Optional: older stores have none.
 */
public final class SumSpectrumJson {
    public static final String FILE_NAME = "sum_spectrum.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SumSpectrumJson() {
    }

    public static String write(double[] values) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("channels", values.length);
        ArrayNode v = o.putArray("values");
        for (double x : values) {
            v.add(x);
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The values, checked against the store's {@code channels}; errors name {@code where} and the key. */
    public static double[] read(String json, String where, int channels) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (java.io.IOException ex) {
            throw new InvalidInputException(where + ": not valid JSON (" + ex.getMessage() + ")");
        }
        JsonNode v = o == null ? null : o.get("values");
        if (v == null || !v.isArray()) {
            throw new InvalidInputException(where + ": key 'values' must be an array of numbers");
        }
        if (v.size() != channels || o.path("channels").asInt(-1) != channels) {
            throw new InvalidInputException(where + ": key 'values' holds " + v.size() + " numbers ('channels' "
                    + o.path("channels") + ") but the store's header has " + channels + " channels");
        }
        double[] out = new double[channels];
        for (int i = 0; i < channels; i++) {
            if (!v.get(i).isNumber()) {
                throw new InvalidInputException(where + ": key 'values' item " + i + " is not a number");
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }
}
