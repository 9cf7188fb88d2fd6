package org.sicube.jobs.preprocess;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.sicube.datasets.io.InvalidInputException;

/**
 * A pipeline config's YAML text from a file, or from one of the configs built into the jar (the
 * examples in {@code conf/}, named without {@code .yaml}: {@code eds-survey}, ...), so a job
 * submitted to a cluster finds them without a checkout.
 */
public record ConfigSource(String where, String yaml) {
    public static final List<String> BUILT_IN = List.of("eds-survey", "eels-coreloss", "eels-decomposition");

    /** Reads {@code spec}: a built-in name or a file path. */
    public static ConfigSource read(String spec) throws IOException {
        if (!spec.contains("/") && !spec.endsWith(".yaml") && !spec.endsWith(".yml")) {
            try (InputStream in = ConfigSource.class.getResourceAsStream("/org/sicube/conf/" + spec + ".yaml")) {
                if (in != null) {
                    return new ConfigSource("built-in config " + spec, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        try {
            return new ConfigSource(spec, Files.readString(Path.of(spec), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(spec + ": no such config file (give a YAML file or a built-in config: "
                    + String.join(", ", BUILT_IN) + ")");
        }
    }
}
