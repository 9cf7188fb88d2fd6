package org.sicube.jobs.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.sicube.jobs.preprocess.stages.Acquisition;
import org.sicube.jobs.preprocess.stages.ImageShape;
import org.sicube.jobs.preprocess.stages.Stage;
import org.sicube.jobs.preprocess.stages.StageParams;
import org.sicube.jobs.preprocess.stages.Stages;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * A validated preprocessing pipeline: the stages in order, the energy grid and image shape before
 * each of them (grids[i], shapes[i] are stage i's input; the last are the output's), each stage's
 * map names, and the config
 * as JSON (overrides applied) for the output header. Built from YAML
 * ({@code stages: [{type: ..., ...}], for: decomposition|display, description: ...}) before Spark
 * starts; every error names its config key.
 */
public record PipelineConfig(List<Stage> stages, List<EnergyGrid> grids, List<ImageShape> shapes,
        List<List<String>> mapNames, String purpose, String json) implements Serializable {

    private static final Set<String> TOP_KEYS = Set.of("stages", "for", "description");
    private static final Set<String> PURPOSES = Set.of("decomposition", "display");

    /** Parses {@code yaml} (from {@code where}), applies {@code sets}, and validates against the input store. */
    public static PipelineConfig parse(String yaml, String where, List<String> sets, EnergyGrid input,
            ImageShape shape, Acquisition acquisition) {
        JsonNode tree;
        try {
            tree = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new IllegalArgumentException(where + ": a pipeline config must be a map with the key 'stages'");
        }
        ConfigOverrides.apply(root, sets);
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP_KEYS.contains(k)) {
                throw new IllegalArgumentException("config key " + k + ": unknown; known keys: stages, for, description");
            }
        }
        String purpose = root.path("for").asText("display");
        if (root.has("for") && (!root.get("for").isTextual() || !PURPOSES.contains(purpose))) {
            throw new IllegalArgumentException("config key for: must be decomposition or display, got " + root.get("for"));
        }
        JsonNode list = root.get("stages");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("config key stages: required, a list of {type: ..., parameters}");
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String path = "stages[" + i + "]";
            if (!(s instanceof ObjectNode o) || !s.path("type").isTextual()) {
                throw new IllegalArgumentException("config key " + path + ": must be a map with a string 'type', got " + s);
            }
            stages.add(Stages.parse(new StageParams(o, path), acquisition));
        }
        StageOrder.check(stages, purpose);
        List<EnergyGrid> grids = new ArrayList<>(List.of(input));
        List<ImageShape> shapes = new ArrayList<>(List.of(shape));
        for (Stage s : stages) {
            grids.add(s.output(grids.get(grids.size() - 1)));
            shapes.add(s.shape(shapes.get(shapes.size() - 1)));
        }
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new PipelineConfig(List.copyOf(stages), List.copyOf(grids), List.copyOf(shapes), mapNames(stages),
                purpose, json);
    }

    /** Map names, {@code TYPE_MAP}; a type used more than once is numbered by its stage index. */
    private static List<List<String>> mapNames(List<Stage> stages) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            long same = stages.stream().filter(t -> t.type().equals(s.type())).count();
            String prefix = same > 1 ? s.type() + i : s.type();
            out.add(s.maps().stream().map(m -> prefix + "_" + m).toList());
        }
        return out;
    }

    /** The energy grid of the output. */
    public EnergyGrid outputGrid() {
        return grids.get(grids.size() - 1);
    }

    /** The image shape of the output. */
    public ImageShape outputShape() {
        return shapes.get(shapes.size() - 1);
    }

    /** This pipeline with stage {@code i} replaced (by itself bound to its input's summary). */
    public PipelineConfig withStage(int i, Stage s) {
        List<Stage> copy = new ArrayList<>(stages);
        copy.set(i, s);
        return new PipelineConfig(List.copyOf(copy), grids, shapes, mapNames, purpose, json);
    }

    /** All map names in stage order. */
    public List<String> allMaps() {
        return mapNames.stream().flatMap(List::stream).toList();
    }
}
