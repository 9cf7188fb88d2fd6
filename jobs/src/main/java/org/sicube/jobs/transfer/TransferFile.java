package org.sicube.jobs.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.transforms.transfer.BandedTransfer;

/**
 * {@code transfer.json}: a learned {@link BandedTransfer} with the energy axis it was learned on
 * ({@code axis}: offset, scale, units, channels), the method, window (channels) and ridge, and the
 * map itself: {@code weights[j]} (2w + 1 numbers, source channels j − w … j + w) and
 * {@code offsets[j]} (counts) per target channel j.
 */
public final class TransferFile {
    public static final String FILE = "transfer.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A model read back: the map and its axis. */
    public record Loaded(BandedTransfer model, EnergyAxis axis, String method) {
    }

    private TransferFile() {
    }

    static String toJson(BandedTransfer t, EnergyAxis axis, Map<String, Object> about) throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        about.forEach((k, v) -> o.set(k, MAPPER.valueToTree(v)));
        ObjectNode a = o.putObject("axis");
        a.put("offset", axis.offset());
        a.put("scale", axis.scale());
        a.put("units", axis.units());
        a.put("channels", axis.size());
        o.put("window", t.window());
        ArrayNode weights = o.putArray("weights");
        ArrayNode offsets = o.putArray("offsets");
        for (int j = 0; j < t.channels(); j++) {
            ArrayNode row = weights.addArray();
            for (int k = -t.window(); k <= t.window(); k++) {
                row.add(t.weight(j, k));
            }
            offsets.add(t.offset(j));
        }
        return MAPPER.writeValueAsString(o);
    }

    /** Reads {@code location} (a transfer.json or the run directory holding it); {@code where} names the config key. */
    public static Loaded read(String location, String where) {
        JsonNode o;
        try {
            Path p = new Path(location);
            FileSystem fs = p.getFileSystem(new Configuration());
            if (fs.isDirectory(p)) {
                p = new Path(p, FILE);
            }
            if (!fs.exists(p)) {
                throw new InvalidInputException(where + ": " + p + " does not exist; give the transfer.json of a "
                        + "'sicube transfer' run");
            }
            try (InputStream in = fs.open(p)) {
                o = MAPPER.readTree(in);
            }
        } catch (IOException e) {
            throw new InvalidInputException(where + ": " + location + " is not readable JSON: " + e.getMessage());
        }
        try {
            JsonNode a = o.get("axis");
            EnergyAxis axis = new EnergyAxis(a.get("offset").asDouble(), a.get("scale").asDouble(),
                    a.get("units").asText(), a.get("channels").asInt());
            int w = o.get("window").asInt();
            JsonNode ws = o.get("weights");
            JsonNode bs = o.get("offsets");
            double[][] weights = new double[ws.size()][2 * w + 1];
            double[] offsets = new double[bs.size()];
            for (int j = 0; j < weights.length; j++) {
                for (int k = 0; k < 2 * w + 1; k++) {
                    weights[j][k] = ws.get(j).get(k).asDouble();
                }
            }
            for (int j = 0; j < offsets.length; j++) {
                offsets[j] = bs.get(j).asDouble();
            }
            if (offsets.length != axis.size()) {
                throw new IllegalArgumentException(offsets.length + " channels but an axis of " + axis.size());
            }
            return new Loaded(new BandedTransfer(w, weights, offsets), axis, o.path("method").asText(""));
        } catch (RuntimeException e) {
            throw new InvalidInputException(where + ": " + location + " is not a transfer model (" + e.getMessage()
                    + "); give the transfer.json of a 'sicube transfer' run");
        }
    }
}
