package org.sicube.jobs.decompose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.anomaly.ComponentSupport;

/**
 * {@code component_support.json} of a decompose run: per component the sums Σ s² and Σ s⁴ of its
 * weighted scores over the pixels with counts of the fitted store, and the participation ratio
 * (effective pixels) they give; the anomaly pass reads it to leave rare-phase components out.
 */
public final class ComponentSupportFile {
    public static final String FILE = "component_support.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComponentSupportFile() {
    }

    public static void write(RunDirectory run, ComponentSupport s) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("pixels", s.pixels());
        root.put("scoreNoiseVariance", s.noiseVariance());
        root.put("measure", "participation ratio (Σ s² − N σ²)² / Σ s⁴ of each component's weighted scores");
        ArrayNode list = root.putArray("components");
        for (int c = 0; c < s.components(); c++) {
            list.addObject().put("component", c + 1).put("sumSquares", s.sum2(c)).put("sumFourthPowers", s.sum4(c))
                    .put("effectivePixels", s.effectivePixels(c));
        }
        try (OutputStream o = run.create(FILE)) {
            o.write(MAPPER.writeValueAsBytes(root));
        }
        run.manifest().output(FILE, "effective number of pixels carrying each component (rare phases have few)");
    }

    /** The support recorded in run directory {@code location}, or null when it has none (an older run). */
    public static ComponentSupport read(String location, Configuration conf) throws IOException {
        Path file = new Path(location, FILE);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            return null;
        }
        try (InputStream in = fs.open(file)) {
            JsonNode root = MAPPER.readTree(in);
            JsonNode list = root.get("components");
            double[] s2 = new double[list.size()];
            double[] s4 = new double[list.size()];
            for (int c = 0; c < s2.length; c++) {
                s2[c] = list.get(c).get("sumSquares").asDouble();
                s4[c] = list.get(c).get("sumFourthPowers").asDouble();
            }
            return ComponentSupport.of(s2, s4, root.get("pixels").asLong(), root.get("scoreNoiseVariance").asDouble());
        } catch (RuntimeException e) {
            throw new InvalidInputException(file + ": unreadable component support (" + e.getMessage() + ")");
        }
    }
}
