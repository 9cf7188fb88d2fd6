package org.sicube.datasets.writers.hspy;

import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;

/**
 * Writes one signal as an {@code /Experiments/<name>} group laid out as HyperSpy's hspy format 3.1
 * reads it: the {@code data} dataset (chunked, shuffle + deflate), one {@code axis-i} group per
 * dimension (name, units, offset, scale, size), a {@code metadata} tree and an empty
 * {@code original_metadata} group (HyperSpy requires both).
 * <p>HyperSpy stores the axis flags {@code navigate} and {@code is_binned} as numpy booleans (an HDF5
 * enum over int8) and rejects any other type for them; jhdf 0.13.0 can only write booleans as an HDF5
 * bitfield, which h5py reads as uint8. So the flags are left out and the split between navigation
 * and signal axes is written as {@code metadata/Signal/record_by} ("spectrum": one signal axis,
 * "image": two), which HyperSpy 1.x and 2.x use when the axes carry no {@code navigate}; EDS and EELS
 * signal classes mark their energy axis binned themselves.
 */
final class HspySignalWriter {
    /** Target chunk size in values: about 1 MB of float32, HyperSpy's own order of magnitude. */
    private static final long CHUNK_VALUES = 1L << 18;
    /**
     * gzip level 1, where HyperSpy's default is 4: any level reads the same, and on float64 score
     * maps of counting noise level 4 made the file 0.6 % smaller for 1.5× the writing time.
     */
    private static final int DEFLATE_LEVEL = 1;

    private HspySignalWriter() {
    }

    static void write(WritableGroup experiments, String groupName, HspySignal signal, boolean compress) {
        WritableGroup exp = experiments.putGroup(groupName);
        int[] shape = signal.shape();
        DatasetCreationOptions.Builder options = DatasetCreationOptions.builder();
        if (signal.data() instanceof short[]) {
            options.unsigned();
        }
        if (compress) {
            options.chunkDimensions(chunkShape(shape)).shuffle().deflate(DEFLATE_LEVEL);
        }
        exp.putDataset("data", NestedArrays.nest(signal.data(), shape), options.build());
        for (int i = 0; i < shape.length; i++) {
            writeAxis(exp.putGroup("axis-" + i), signal.axes().get(i));
        }
        writeMetadata(exp.putGroup("metadata"), signal.metadata(), recordBy(signal.axes()));
        exp.putGroup("original_metadata");
    }

    private static void writeAxis(WritableGroup g, HspyAxis a) {
        g.putAttribute("_type", "UniformDataAxis");
        if (!a.name().isEmpty()) {
            g.putAttribute("name", a.name());
        }
        if (!a.units().isEmpty()) {
            g.putAttribute("units", a.units());
        }
        g.putAttribute("offset", a.offset());
        g.putAttribute("scale", a.scale());
        g.putAttribute("size", (long) a.size());
    }

    /** "spectrum" or "image": the number of trailing signal axes, after all navigation axes. */
    static String recordBy(java.util.List<HspyAxis> axes) {
        int signalAxes = 0;
        for (HspyAxis a : axes) {
            if (a.navigate() && signalAxes > 0) {
                throw new IllegalArgumentException("navigation axis '" + a.name() + "' follows a signal axis;"
                        + " HyperSpy expects navigation axes first");
            }
            signalAxes += a.navigate() ? 0 : 1;
        }
        return switch (signalAxes) {
            case 1 -> "spectrum";
            case 2 -> "image";
            default -> throw new IllegalArgumentException("a signal needs one (spectrum) or two (image) signal axes, got "
                    + signalAxes);
        };
    }

    private static void writeMetadata(WritableGroup meta, HspyMetadata m, String recordBy) {
        meta.putGroup("General").putAttribute("title", m.title());
        WritableGroup signal = meta.putGroup("Signal");
        signal.putAttribute("signal_type", m.signalType());
        signal.putAttribute("record_by", recordBy);
        if (!m.quantity().isEmpty()) {
            signal.putAttribute("quantity", m.quantity());
        }
        boolean beam = Double.isFinite(m.beamEnergyKeV());
        boolean live = m.isEds() && Double.isFinite(m.liveTimeS());
        if (beam || live) {
            WritableGroup instrument = meta.putGroup("Acquisition_instrument").putGroup(m.instrument());
            if (beam) {
                instrument.putAttribute("beam_energy", m.beamEnergyKeV());
            }
            if (live) {
                instrument.putGroup("Detector").putGroup("EDS").putAttribute("live_time", m.liveTimeS());
            }
        }
        if (!m.elements().isEmpty()) {
            // HyperSpy stores lists of strings as a "_list_<key>" dataset.
            meta.putGroup("Sample").putDataset("_list_elements", m.elements().toArray(new String[0]));
        }
    }

    /** Whole rows of the last (signal) axis, as many outer indices as fit in about CHUNK_VALUES. */
    static int[] chunkShape(int[] shape) {
        int[] chunk = new int[shape.length];
        long budget = CHUNK_VALUES;
        for (int i = shape.length - 1; i >= 0; i--) {
            int c = (int) Math.max(1, Math.min(shape[i], budget));
            chunk[i] = c;
            budget = Math.max(1, budget / c);
        }
        return chunk;
    }
}
