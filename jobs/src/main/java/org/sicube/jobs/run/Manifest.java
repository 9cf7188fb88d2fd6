package org.sicube.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * {@code manifest.json}: what a run read (with content hashes), its configuration, the versions
 * of sicube, Spark and Java, each stage's time, and the counts it produced.
 */
public final class Manifest {
    public static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = MAPPER.createObjectNode();
    private final ArrayNode inputs;
    private final ObjectNode config;
    private final ArrayNode stages;
    private final ObjectNode counts;
    private final ObjectNode outputs;
    private final ObjectNode sections;

    Manifest(String job) {
        root.put("job", job);
        root.put("started", Instant.now().toString());
        ObjectNode v = root.putObject("versions");
        v.put("sicube", Manifest.class.getPackage().getImplementationVersion() == null ? "0.1.0-SNAPSHOT"
                : Manifest.class.getPackage().getImplementationVersion());
        v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        v.put("java", System.getProperty("java.version"));
        inputs = root.putArray("inputs");
        config = root.putObject("config");
        stages = root.putArray("stages");
        counts = root.putObject("counts");
        outputs = root.putObject("outputs");
        sections = root.putObject("sections");
    }

    public Manifest input(String role, String location, String sha256) {
        ObjectNode i = inputs.addObject();
        i.put("role", role);
        i.put("location", location);
        i.put("sha256", sha256);
        return this;
    }

    public Manifest config(Map<String, ?> values) {
        values.forEach((k, v) -> config.set(k, MAPPER.valueToTree(v)));
        return this;
    }

    public Manifest stage(String name, double seconds) {
        ObjectNode s = stages.addObject();
        s.put("name", name);
        s.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return this;
    }

    public Manifest count(String name, double value) {
        counts.put(name, value);
        return this;
    }

    public Manifest output(String file, String description) {
        outputs.put(file, description);
        return this;
    }

    /**
     * A part of the run the report shows as its own section: {@code title}, {@code text} (paragraphs),
     * {@code figures} ({@code file}, {@code caption}) and {@code table} ({@code columns}, {@code rows}).
     */
    public Manifest section(String name, JsonNode value) {
        sections.set(name, value);
        return this;
    }

    /** Marks the run finished and gives the whole manifest, for the report. */
    JsonNode finish() {
        root.put("finished", Instant.now().toString());
        return root;
    }

    String toJson() {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
