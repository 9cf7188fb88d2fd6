package org.sicube.jobs.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.preprocess.ConfigSource;
import org.sicube.jobs.preprocess.PipelineConfig;
import org.sicube.jobs.preprocess.stages.Acquisition;
import org.sicube.jobs.preprocess.stages.ImageShape;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * The preprocessing a pipeline run applies before its decomposition: the config named by
 * {@code --config} (a file or a built-in name), by default {@code eds-survey} for EDS and none for
 * other signals. It must be a config {@code for: decomposition}, since the Poisson-weighted
 * decomposition needs counts.
 */
final class PipelinePreprocessing {
    static final String NONE = "none";

    private PipelinePreprocessing() {
    }

    /** The spec a run uses: the user's, or the default for the signal type. */
    static String spec(String given, SpectrumImage h) {
        if (given != null) {
            return given;
        }
        return h.signalType().toUpperCase(Locale.ROOT).startsWith("EDS") ? "eds-survey" : NONE;
    }

    /**
     * The validated config for {@code spec} against the input's energy axis, shape and blocks
     * ({@code block} = {height, width}); null for {@code none}.
     */
    static PipelineConfig resolve(String spec, List<String> sets, SpectrumImage h, int[] block) throws IOException {
        if (spec.equals(NONE)) {
            if (!sets.isEmpty()) {
                throw new IllegalArgumentException("--set needs a preprocessing config; this run has --config none");
            }
            return null;
        }
        ConfigSource source = ConfigSource.read(spec);
        EnergyAxis a = h.energy();
        PipelineConfig config = PipelineConfig.parse(source.yaml(), source.where(), sets,
                new EnergyGrid(a.size(), a.offsetEv(), a.scaleEv()),
                new ImageShape(h.ny(), h.nx(), block[0], block[1], h.pixelSize()),
                new Acquisition(h.beamEnergyKeV(), h.elements()));
        if (!config.purpose().equals("decomposition")) {
            throw new IllegalArgumentException(source.where() + ": config key for: is '" + config.purpose()
                    + "', but the pipeline decomposes counts; use a config with 'for: decomposition' (e.g. eds-survey,"
                    + " eels-decomposition) or --config none, and run display configs with the preprocess job");
        }
        return config;
    }
}
