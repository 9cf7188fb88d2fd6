package org.sicube.jobs.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sicube.jobs.preprocess.stages.Stages;

/**
 * {@code --set KEY=VALUE} overrides of a pipeline config, applied to the parsed tree before it is
 * validated. KEY is a path of names joined by dots with optional list indices:
 * {@code stages[0].window}, {@code for}; or the shorthand {@code TYPE.key} for the one stage of
 * that type ({@code powerlaw.window}; an error when the config holds several, then use
 * {@code stages[i]}). VALUE is read as YAML: {@code [300,400]}, {@code 2.5}, {@code log-log}.
 */
final class ConfigOverrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(?:\\[(\\d+)])?");
    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigOverrides() {
    }

    static void apply(ObjectNode root, List<String> sets) {
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set '" + kv + "' must look like key=value, e.g. stages[0].window=[300,400]");
            }
            set(root, kv.substring(0, eq).trim(), value(kv.substring(eq + 1)));
        }
    }

    private static JsonNode value(String text) {
        try {
            JsonNode v = YAML.readTree(text);
            return v == null || v.isMissingNode() ? TextNode.valueOf(text) : v;
        } catch (java.io.IOException e) {
            return TextNode.valueOf(text);
        }
    }

    private static void set(ObjectNode root, String key, JsonNode value) {
        List<Matcher> segments = new ArrayList<>();
        for (String s : key.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException("--set key '" + key + "': '" + s + "' is not a name or name[index]");
            }
            segments.add(m);
        }
        JsonNode node = root;
        int start = 0;
        String first = segments.get(0).group(1);
        if (Stages.TYPES.contains(first) && segments.get(0).group(2) == null && segments.size() > 1) {
            node = uniqueStage(root, first, key);
            start = 1;
        }
        for (int i = start; i < segments.size(); i++) {
            Matcher m = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (!(node instanceof ObjectNode obj)) {
                throw new IllegalArgumentException("--set key '" + key + "': '" + m.group(1) + "' is not inside a map");
            }
            if (m.group(2) == null) {
                if (last) {
                    obj.set(m.group(1), value);
                    return;
                }
                node = obj.has(m.group(1)) ? obj.get(m.group(1)) : obj.putObject(m.group(1));
                continue;
            }
            JsonNode list = obj.get(m.group(1));
            int index = Integer.parseInt(m.group(2));
            if (!(list instanceof ArrayNode arr) || index >= arr.size()) {
                throw new IllegalArgumentException("--set key '" + key + "': " + m.group(1) + "[" + index
                        + "] does not exist in the config");
            }
            if (last) {
                arr.set(index, value);
                return;
            }
            node = arr.get(index);
        }
    }

    private static JsonNode uniqueStage(ObjectNode root, String type, String key) {
        JsonNode found = null;
        int n = 0;
        for (JsonNode s : root.path("stages")) {
            if (type.equals(s.path("type").asText())) {
                found = s;
                n++;
            }
        }
        if (n != 1) {
            throw new IllegalArgumentException("--set key '" + key + "': the config holds " + n + " " + type
                    + " stages; name one as stages[i]." + key.substring(key.indexOf('.') + 1));
        }
        return found;
    }
}
