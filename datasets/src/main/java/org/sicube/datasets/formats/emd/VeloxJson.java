package org.sicube.datasets.formats.emd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.api.Dataset;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Velox's JSON documents: {@code Metadata} and {@code AcquisitionMetadata} datasets are 2-D uint8
 * arrays {@code (bytes, columns)} whose column 0 holds one NUL-padded UTF-8 JSON document (further
 * columns repeat it per frame or per scan row); settings such as {@code AcquisitionSettings} are
 * string datasets. Velox writes numbers as JSON strings ("200000"), so readers accept both.
 */
final class VeloxJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Velox uses 60 000 bytes per document; anything beyond 16 MiB is a lying header. */
    private static final long MAX_DOCUMENT_BYTES = 16L << 20;

    private VeloxJson() {
    }

    /** Parses column 0 of the uint8 document array at {@code path}. */
    static JsonNode column0(EmdHdf hdf, String path) {
        Dataset d = hdf.dataset(path);
        long[] dims = hdf.dims(path, d);
        int size = hdf.guard(path, () -> d.getDataType().getSize());
        if (dims.length < 1 || dims.length > 2 || size != 1) {
            throw hdf.invalid(path, "expected a 2-D uint8 JSON array, found " + dims.length + "-D with "
                    + size + "-byte elements");
        }
        if (dims[0] > MAX_DOCUMENT_BYTES || dims[0] == 0 || (dims.length == 2 && dims[1] == 0)) {
            throw hdf.invalid(path, "JSON array of " + dims[0] + " bytes is empty or implausibly large");
        }
        long[] offset = new long[dims.length];
        int[] shape = dims.length == 2 ? new int[] {(int) dims[0], 1} : new int[] {(int) dims[0]};
        ByteBuffer b = hdf.slice(path, d, offset, shape);
        int n = 0;
        while (n < b.remaining() && b.get(n) != 0) {
            n++;
        }
        byte[] text = new byte[n];
        b.get(0, text);
        return parse(hdf, path, new String(text, StandardCharsets.UTF_8));
    }

    /** Parses a JSON string dataset such as {@code AcquisitionSettings} or {@code Info}. */
    static JsonNode stringDataset(EmdHdf hdf, String path) {
        return parse(hdf, path, hdf.string(path));
    }

    static JsonNode parse(EmdHdf hdf, String path, String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw hdf.invalid(path, "metadata is not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw hdf.invalid(path, "metadata is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + msg);
        }
    }

    /** The node at a '/'-separated key path, or a missing node. */
    static JsonNode at(JsonNode root, String keyPath) {
        return root.at("/" + keyPath);
    }

    /** A number written as a JSON number or string; NaN when absent or not a number. */
    static double number(JsonNode root, String keyPath) {
        JsonNode n = at(root, keyPath);
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.textValue().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** A number that must be present and finite, or an error naming the file, dataset and key. */
    static double requiredNumber(EmdHdf hdf, String path, JsonNode root, String keyPath) {
        double v = number(root, keyPath);
        if (!Double.isFinite(v)) {
            JsonNode n = at(root, keyPath);
            throw hdf.invalid(path, "key " + keyPath + (n.isMissingNode() ? " is missing" : " is not a number: " + n));
        }
        return v;
    }

    /** A whole number that must be present and in {@code [min, max]}, or an error naming the key. */
    static long requiredLong(EmdHdf hdf, String path, JsonNode root, String keyPath, long min, long max) {
        double v = requiredNumber(hdf, path, root, keyPath);
        if (v != Math.rint(v) || v < min || v > max) {
            throw hdf.invalid(path, "key " + keyPath + " = " + v + " must be a whole number in [" + min + ", " + max + "]");
        }
        return (long) v;
    }

    static String text(JsonNode root, String keyPath) {
        JsonNode n = at(root, keyPath);
        return n.isValueNode() ? n.asText() : "";
    }
}
