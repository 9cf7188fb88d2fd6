package org.sicube.jobs.decompose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.decomposition.MethodChoice;
import org.sicube.transforms.decomposition.WeightedPcaModel;
import org.sicube.transforms.decomposition.nmf.NmfModel;

/**
 * The fitted model kept in a run directory for reuse (phase maps, reconstruction): {@code model.bin}
 * (Java serialization of {@link WeightedPcaModel}, read back with a filter that admits only the
 * model's own classes) and {@code model.json} (what a person or another tool needs to know: K, the
 * method (exact or randomized) and why, the truncation, explained-variance ratios, masks, trace, N, the energy axis).
 */
public final class ModelFiles {
    public static final String BINARY = "model.bin";
    public static final String JSON = "model.json";
    /** The NMF model of a {@code decompose --method nmf} run (Java serialization of {@link NmfModel}). */
    public static final String NMF_BINARY = "nmf_model.bin";
    /** The NMF run's description, which also records the energy axis. */
    static final String NMF_JSON = "nmf.json";
    /** Ratios listed in model.json; scree.csv has all of them. */
    static final int JSON_RATIOS = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "org.sicube.transforms.decomposition.*;java.lang.String;java.lang.Record;java.lang.Number;[D;[I;!*");
    private static final ObjectInputFilter NMF_FILTER = ObjectInputFilter.Config.createFilter(
            "org.sicube.transforms.decomposition.nmf.*;[D;[Z;!*");

    private ModelFiles() {
    }

    public static void write(RunDirectory run, WeightedPcaModel model, boolean centred, EnergyAxis axis,
            MethodChoice choice) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(run.create(BINARY))) {
            out.writeObject(model);
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("components", model.components());
        ObjectNode m = root.putObject("method");
        m.put("name", choice.method());
        m.put("reason", choice.reason());
        m.put("exactCostFlops", choice.exactCost());
        m.put("randomizedCostFlops", choice.randomizedCost());
        m.put("eigenvaluesComputed", model.eigenvalues().length);
        root.put("centred", centred);
        root.put("channels", model.channels());
        ObjectNode a = root.putObject("energyAxis");
        a.put("offset", axis.offset());
        a.put("scale", axis.scale());
        a.put("units", axis.units());
        a.put("size", axis.size());
        root.put("maskedChannels", model.maskedChannels());
        root.put("pixels", model.pixels());
        root.put("emptyPixels", model.emptyPixels());
        root.put("trace", model.trace());
        ObjectNode t = root.putObject("truncation");
        t.put("criterion", "Marchenko-Pastur edge of the Poisson-weighted Gram");
        t.put("components", model.truncation().components());
        t.put("edge", model.truncation().edge());
        t.put("noiseVariance", model.truncation().noiseVariance());
        t.put("safety", model.truncation().safety());
        t.put("report", model.truncation().report());
        ArrayNode ratios = root.putArray("explainedVarianceRatios");
        double[] r = model.explainedVarianceRatios();
        for (int i = 0; i < Math.min(JSON_RATIOS, r.length); i++) {
            ratios.add(r[i]);
        }
        try (OutputStream o = run.create(JSON)) {
            o.write(MAPPER.writeValueAsBytes(root));
        }
    }

    /**
     * The energy axis of the store the model in run directory {@code location} was fitted to, from
     * its {@code model.json}; null for a model written before the axis was recorded.
     */
    public static EnergyAxis readAxis(String location, Configuration conf) throws IOException {
        Path file = new Path(location, JSON);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            file = new Path(location, NMF_JSON);
            if (!fs.exists(file)) {
                return null;
            }
        }
        try (InputStream in = fs.open(file)) {
            JsonNode a = MAPPER.readTree(in).get("energyAxis");
            if (a == null) {
                return null;
            }
            return new EnergyAxis(a.get("offset").asDouble(), a.get("scale").asDouble(), a.get("units").asText(),
                    a.get("size").asInt());
        } catch (RuntimeException e) {
            throw new InvalidInputException(file + ": unreadable energy axis (" + e.getMessage() + ")");
        }
    }

    /** Writes the NMF model into {@code nmf_model.bin}, the input of {@code sicube anomaly --model}. */
    public static void writeNmf(RunDirectory run, NmfModel model) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(run.create(NMF_BINARY))) {
            out.writeObject(model);
        }
    }

    /** The NMF model of run directory {@code location}, or null when it holds none. */
    public static NmfModel readNmf(String location, Configuration conf) throws IOException {
        Path file = new Path(location, NMF_BINARY);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            return null;
        }
        try (InputStream in = fs.open(file); ObjectInputStream o = new ObjectInputStream(in)) {
            o.setObjectInputFilter(NMF_FILTER);
            Object model = o.readObject();
            if (!(model instanceof NmfModel m)) {
                throw new InvalidInputException(file + ": holds a " + model.getClass().getName() + ", not an NMF model");
            }
            return m;
        } catch (ClassNotFoundException | java.io.InvalidClassException | java.io.StreamCorruptedException e) {
            throw new InvalidInputException(file + ": not an NMF model written by this version of sicube ("
                    + e.getMessage() + ")");
        }
    }

    /** Reads {@code model.bin} from the run directory {@code location} (any Hadoop file system). */
    public static WeightedPcaModel read(String location, Configuration conf) throws IOException {
        Path file = new Path(location, BINARY);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            throw new InvalidInputException(location + ": no " + BINARY + "; give the run directory of 'sicube decompose'");
        }
        try (InputStream in = fs.open(file); ObjectInputStream o = new ObjectInputStream(in)) {
            o.setObjectInputFilter(FILTER);
            Object model = o.readObject();
            if (!(model instanceof WeightedPcaModel m)) {
                throw new InvalidInputException(file + ": holds a " + model.getClass().getName() + ", not a model");
            }
            return m;
        } catch (ClassNotFoundException | java.io.InvalidClassException | java.io.StreamCorruptedException e) {
            throw new InvalidInputException(file + ": not a model written by this version of sicube (" + e.getMessage() + ")");
        }
    }
}
