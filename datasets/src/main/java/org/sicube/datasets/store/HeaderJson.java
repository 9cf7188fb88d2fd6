package org.sicube.datasets.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

/**
 * The store's {@code header.json}: the {@link SpectrumImage} header as plain JSON that any tool can
 * read. Unknown numbers are written as {@code null}.
 */
public final class HeaderJson {
    public static final String FILE_NAME = "header.json";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HeaderJson() {
    }

    public static String write(SpectrumImage h, int blockHeight, int blockWidth) {
        return write(h, blockHeight, blockWidth, "");
    }

    /**
     * As {@link #write(SpectrumImage, int, int)}, plus the optional key {@code preprocessing}: the
     * preprocessing config that made the store's data (JSON text), omitted when empty.
     */
    public static String write(SpectrumImage h, int blockHeight, int blockWidth, String preprocessing) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", "sicube-block-store");
        o.put("formatVersion", FORMAT_VERSION);
        o.put("ny", h.ny());
        o.put("nx", h.nx());
        o.put("channels", h.channels());
        ObjectNode e = o.putObject("energy");
        e.put("offset", h.energy().offset());
        e.put("scale", h.energy().scale());
        e.put("units", h.energy().units());
        putNumber(o, "totalCounts", h.totalCounts());
        o.put("blockHeight", blockHeight);
        o.put("blockWidth", blockWidth);
        ObjectNode px = o.putObject("pixelSize");
        putNumber(px, "value", h.pixelSize());
        px.put("units", h.pixelUnits());
        o.put("signalType", h.signalType());
        putNumber(o, "beamEnergyKeV", h.beamEnergyKeV());
        putNumber(o, "liveTimeS", h.liveTimeS());
        putNumber(o, "realTimeS", h.realTimeS());
        ArrayNode el = o.putArray("elements");
        h.elements().forEach(el::add);
        o.put("detector", h.detector());
        o.put("dataType", h.dataType());
        ObjectNode src = o.putObject("source");
        src.put("file", h.sourceFile());
        src.put("format", h.sourceFormat());
        src.put("sha256", h.sourceSha256());
        if (preprocessing != null && !preprocessing.isEmpty()) {
            o.put("preprocessing", preprocessing);
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The header and block size read back; {@code preprocessing} is the config JSON of a
     * preprocessed store, empty otherwise.
     */
    public record Parsed(SpectrumImage header, int blockHeight, int blockWidth, String preprocessing) {
    }

    public static Parsed read(String json, String where) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (java.io.IOException ex) {
            throw new InvalidInputException(where + ": not valid JSON (" + ex.getMessage() + ")");
        }
        int ny = requireInt(o, "ny", where);
        int nx = requireInt(o, "nx", where);
        int channels = requireInt(o, "channels", where);
        JsonNode e = o.path("energy");
        if (!e.path("offset").isNumber() || !e.path("scale").isNumber()) {
            throw new InvalidInputException(where + ": key 'energy' needs numbers 'offset' and 'scale'");
        }
        EnergyAxis axis = new EnergyAxis(e.get("offset").asDouble(), e.get("scale").asDouble(),
                e.path("units").asText("eV"), channels);
        List<String> elements = new ArrayList<>();
        o.path("elements").forEach(n -> elements.add(n.asText()));
        JsonNode src = o.path("source");
        SpectrumImage h = new SpectrumImage(ny, nx, axis,
                number(o.path("pixelSize").path("value")), o.path("pixelSize").path("units").asText(""),
                o.path("signalType").asText(""), number(o.path("beamEnergyKeV")), number(o.path("liveTimeS")),
                number(o.path("realTimeS")), elements, o.path("detector").asText(""),
                src.path("file").asText(""), src.path("format").asText(""), src.path("sha256").asText(""),
                o.path("dataType").asText(""), number(o.path("totalCounts")));
        return new Parsed(h, o.path("blockHeight").asInt(32), o.path("blockWidth").asInt(32),
                o.path("preprocessing").asText(""));
    }

    private static int requireInt(JsonNode o, String key, String where) {
        JsonNode n = o.get(key);
        if (n == null || !n.canConvertToInt() || n.asInt() <= 0) {
            throw new InvalidInputException(where + ": key '" + key + "' must be a positive integer");
        }
        return n.asInt();
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
