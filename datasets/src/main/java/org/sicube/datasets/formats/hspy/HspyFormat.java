package org.sicube.datasets.formats.hspy;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * HyperSpy {@code .hspy} files (HDF5, file_format "HyperSpy", versions 1.x–3.x as written by
 * HyperSpy/RosettaSciIO): a spectrum image is {@code /Experiments/<title>/data} with one
 * {@code axis-<i>} group per array dimension, the spectral axis last. With several experiments,
 * the reader option {@code signal=<title>} picks one.
 */
public final class HspyFormat implements SpectrumImageFormat {
    public static final String NAME = "hspy";
    public static final String SIGNAL = "signal";
    /** Far above any detector (EDS 4096, EELS 2048–16384 channels). */
    static final int MAX_CHANNELS = 1 << 20;
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("hspy");
    }

    @Override
    public boolean matchesMagic(byte[] head) {
        return head.length >= HDF5_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(head, HDF5_SIGNATURE.length), HDF5_SIGNATURE);
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of(SIGNAL);
    }

    @Override
    public SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        String f = file.location();
        HdfFile hdf;
        try {
            hdf = new HdfFile(file.localPath());
        } catch (HdfException e) {
            throw new InvalidInputException(f + ": not a readable HDF5 file: " + e.getMessage(), e);
        }
        try {
            if (!HspyNodes.text(hdf, "file_format").equalsIgnoreCase("HyperSpy")) {
                throw new InvalidInputException(f + ": root attribute 'file_format' is '"
                        + HspyNodes.text(hdf, "file_format") + "', not 'HyperSpy'");
            }
            Group experiment = experiment(hdf, f, options.get(SIGNAL, null));
            if (!(experiment.getChildren().get("data") instanceof Dataset data)) {
                throw new InvalidInputException(f + ": " + experiment.getPath() + " has no dataset 'data'");
            }
            checkShape(f, experiment, data);
            String type = dataType(f, data);
            return new HspyReader(hdf, data, HspyHeader.of(experiment, data, type, f), f);
        } catch (InvalidInputException e) {
            hdf.close();
            throw e;
        } catch (HdfException e) {
            hdf.close();
            throw new InvalidInputException(f + ": corrupt or unsupported HDF5 content: " + e.getMessage(), e);
        }
    }

    private static Group experiment(HdfFile hdf, String f, String wanted) {
        if (!(hdf.getChildren().get("Experiments") instanceof Group exps) || exps.getChildren().isEmpty()) {
            throw new InvalidInputException(f + ": no group /Experiments holding a signal");
        }
        List<String> names = exps.getChildren().keySet().stream().sorted().toList();
        if (wanted == null && names.size() == 1) {
            wanted = names.get(0);
        }
        if (wanted == null || !(exps.getChildren().get(wanted) instanceof Group g)) {
            throw new InvalidInputException(f + ": " + (wanted == null ? "several signals" : "no signal '" + wanted + "'")
                    + " in /Experiments; choose one with reader option " + SIGNAL + "=<name> from " + names);
        }
        return g;
    }

    /** Rank 1–3, spectral (non-navigation) axis last, every axis group's size matching the array. */
    private static void checkShape(String f, Group experiment, Dataset data) {
        int[] dims = data.getDimensions();
        if (dims.length < 1 || dims.length > 3) {
            throw new InvalidInputException(f + ": " + data.getPath() + " has shape " + Arrays.toString(dims)
                    + "; a spectrum image is (ny, nx, E), (n, E) or (E)");
        }
        // Compressed data may be logically larger than the file, so the file length cannot bound the
        // spectrum; a channel cap keeps a forged shape from sizing a block allocation.
        if (dims[dims.length - 1] > MAX_CHANNELS) {
            throw new InvalidInputException(f + ": " + data.getPath() + " has " + dims[dims.length - 1]
                    + " channels per spectrum, more than the " + MAX_CHANNELS + " a spectrum image can have here");
        }
        for (int i = 0; i < dims.length; i++) {
            Node axis = experiment.getChildren().get("axis-" + i);
            if (axis == null) {
                throw new InvalidInputException(f + ": " + experiment.getPath() + "/axis-" + i + " is missing");
            }
            double size = HspyNodes.number(axis, "size");
            if (size != dims[i] || dims[i] <= 0) {
                throw new InvalidInputException(f + ": " + axis.getPath() + " has size " + size + " but "
                        + data.getPath() + " has " + dims[i] + " along dimension " + i);
            }
            // Without the flag (files whose signal says record_by = "spectrum"), HyperSpy takes the
            // last axis as the signal and the others as navigation; so do we.
            if (!axis.getAttributes().containsKey("navigate")) {
                continue;
            }
            boolean navigate = HspyNodes.flag(axis, "navigate");
            if (navigate == (i == dims.length - 1)) {
                throw new InvalidInputException(f + ": " + axis.getPath() + " has navigate=" + navigate
                        + "; a spectrum image has navigation axes first and one spectral axis last");
            }
        }
    }

    private static String dataType(String f, Dataset data) {
        DataType t = data.getDataType();
        if (t instanceof FixedPoint fp) {
            return (fp.isSigned() ? "int" : "uint") + 8 * fp.getSize();
        }
        if (t instanceof FloatingPoint && (t.getSize() == 4 || t.getSize() == 8)) {
            return "float" + 8 * t.getSize();
        }
        throw new InvalidInputException(f + ": " + data.getPath() + " holds " + t.getClass().getSimpleName()
                + " values of " + t.getSize() + " bytes; counts must be integers or 32/64-bit floats");
    }
}
