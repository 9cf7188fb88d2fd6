package org.sicube.jobs.noise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.transforms.noise.VarianceMeanFit;

/**
 * {@code noise.json} of a {@code noise} run: gain g (DN per count) and read variance σr² (DN²)
 * with their standard errors, the detector offset (DN) the means were taken from, the number of
 * (mean, variance) points and of pixel pairs behind them, the reduced χ² and the method.
 */
public record NoiseEstimate(String method, double gain, double gainError, double readVariance,
        double readVarianceError, double offset, int points, long pairs, double reducedChiSquare) {

    public static final String FILE = "noise.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static NoiseEstimate of(String method, VarianceMeanFit f, double offset, long pairs) {
        return new NoiseEstimate(method, f.noise().gain(), f.gainError(), f.noise().readVariance(),
                f.readVarianceError(), offset, f.points(), pairs, f.reducedChiSquare());
    }

    /** σr in DN; 0 when the estimated read variance is not positive (a read noise below the fit's precision). */
    public double readNoise() {
        return Math.sqrt(Math.max(0, readVariance));
    }

    String toJson() throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("method", method);
        o.put("gain", gain);
        o.put("gainError", gainError);
        o.put("readVariance", readVariance);
        o.put("readVarianceError", readVarianceError);
        o.put("readNoise", readNoise());
        o.put("offset", offset);
        o.put("points", points);
        o.put("pairs", pairs);
        o.put("reducedChiSquare", Double.isFinite(reducedChiSquare) ? reducedChiSquare : null);
        ObjectNode u = o.putObject("units");
        u.put("gain", "DN per count");
        u.put("readVariance", "DN²");
        u.put("readNoise", "DN");
        u.put("offset", "DN");
        o.put("model", "x = offset + g·Poisson(λ) + N(0, σr²): Var(x) = g·(mean − offset) + σr²");
        return MAPPER.writeValueAsString(o);
    }

    /** Reads a {@code noise.json} (local path or any Hadoop URI); {@code where} names the config key for errors. */
    public static NoiseEstimate read(String location, String where) {
        Path p = new Path(location);
        JsonNode o;
        try {
            FileSystem fs = p.getFileSystem(new Configuration());
            if (!fs.exists(p)) {
                throw new InvalidInputException(where + ": " + location + " does not exist; give the noise.json of a "
                        + "'sicube noise' run");
            }
            try (InputStream in = fs.open(p)) {
                o = MAPPER.readTree(in);
            }
        } catch (IOException e) {
            throw new InvalidInputException(where + ": " + location + " is not readable JSON: " + e.getMessage());
        }
        double g = number(o, "gain", location, where);
        if (!(g > 0)) {
            throw new InvalidInputException(where + ": " + location + " has gain " + g + "; a usable gain is positive");
        }
        return new NoiseEstimate(o.path("method").asText(""), g, o.path("gainError").asDouble(Double.NaN),
                number(o, "readVariance", location, where), o.path("readVarianceError").asDouble(Double.NaN),
                o.path("offset").asDouble(0), o.path("points").asInt(0), o.path("pairs").asLong(0),
                o.path("reducedChiSquare").asDouble(Double.NaN));
    }

    private static double number(JsonNode o, String key, String location, String where) {
        JsonNode v = o.get(key);
        if (v == null || !v.isNumber()) {
            throw new InvalidInputException(where + ": " + location + " has no number '" + key
                    + "'; give the noise.json of a 'sicube noise' run");
        }
        return v.asDouble();
    }
}
