package org.sicube.datasets.writers.hspy;

import java.util.List;
import java.util.Locale;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

/**
 * One signal of a {@code .hspy} file: its metadata, its axes (slowest first, as in the HDF5 dataset)
 * and its values as a flat row-major array ({@code float[]}, {@code double[]}, {@code int[]}, or
 * {@code short[]} holding unsigned 16-bit counts) whose length is the product of the axis sizes.
 * <p>The writer (jhdf 0.13.0) cannot write a dataset piece by piece: it encodes the whole array
 * into one Java {@code byte[]}, so a signal is limited to {@link #MAX_BYTES} bytes of values
 * (about 536 million float32 values, e.g. 256 × 256 × 8192). Larger cubes go to the Ripple export.
 */
public record HspySignal(HspyMetadata metadata, List<HspyAxis> axes, Object data) {

    /** Largest encoded dataset: jhdf builds it in one byte array. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 64L;

    public HspySignal {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("signal '" + metadata.title() + "' needs at least one axis");
        }
        long n = 1;
        for (HspyAxis a : axes) {
            n *= a.size();
        }
        int itemBytes = itemBytes(data);
        if (n * itemBytes > MAX_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "signal '%s' holds %d values (%.2f GiB); the .hspy writer handles at most %.2f GiB per dataset"
                            + " because it encodes the whole dataset in memory; export larger cubes as Ripple"
                            + " (.rpl/.raw), which is written block by block",
                    metadata.title(), n, n * (double) itemBytes / (1L << 30), MAX_BYTES / (double) (1L << 30)));
        }
        HspySignalWriter.recordBy(axes);
        long length = java.lang.reflect.Array.getLength(data);
        if (length != n) {
            throw new IllegalArgumentException("signal '" + metadata.title() + "' has axes of " + n
                    + " values but " + length + " values were given");
        }
    }

    /** A spectrum image {@code (ny, nx, E)}, counts row-major with energy fastest as in a PixelBlock. */
    public static HspySignal cube(String title, SpectrumImage header, float[] counts) {
        return new HspySignal(metadataOf(title, header), cubeAxes(header), counts);
    }

    /** A spectrum image whose counts are unsigned 16-bit integers (the source type of most detectors). */
    public static HspySignal cubeUint16(String title, SpectrumImage header, short[] counts) {
        return new HspySignal(metadataOf(title, header), cubeAxes(header), counts);
    }

    /** One spectrum (E values) on {@code axis}. */
    public static HspySignal spectrum(HspyMetadata metadata, EnergyAxis axis, double[] values) {
        return new HspySignal(metadata, List.of(HspyAxis.energy(axis)), values);
    }

    /** {@code n} spectra on one axis (for example component spectra), values {@code (n, E)} row-major. */
    public static HspySignal spectra(HspyMetadata metadata, String indexName, EnergyAxis axis, int n, double[] values) {
        return new HspySignal(metadata, List.of(HspyAxis.navigation(indexName, "", 1, n), HspyAxis.energy(axis)), values);
    }

    /** One image {@code (ny, nx)} row-major; pixel size NaN when unknown. Values float[], double[] or int[]. */
    public static HspySignal image(HspyMetadata metadata, int ny, int nx, double pixelSize, String units, Object values) {
        return new HspySignal(metadata, List.of(HspyAxis.imageAxis("y", pixelSize, units, ny),
                HspyAxis.imageAxis("x", pixelSize, units, nx)), values);
    }

    /** A stack of {@code n} images {@code (n, ny, nx)} row-major, e.g. score maps indexed by component. */
    public static HspySignal imageStack(HspyMetadata metadata, String indexName, int n, int ny, int nx,
                                        double pixelSize, String units, Object values) {
        return new HspySignal(metadata, List.of(HspyAxis.navigation(indexName, "", 1, n),
                HspyAxis.imageAxis("y", pixelSize, units, ny), HspyAxis.imageAxis("x", pixelSize, units, nx)), values);
    }

    public int[] shape() {
        int[] s = new int[axes.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = axes.get(i).size();
        }
        return s;
    }

    private static List<HspyAxis> cubeAxes(SpectrumImage h) {
        return List.of(HspyAxis.imageAxis("y", h.pixelSize(), h.pixelUnits(), h.ny()).asNavigation(),
                HspyAxis.imageAxis("x", h.pixelSize(), h.pixelUnits(), h.nx()).asNavigation(),
                HspyAxis.energy(h.energy()));
    }

    private static HspyMetadata metadataOf(String title, SpectrumImage h) {
        return new HspyMetadata(title, h.signalType(), "Intensity (counts)", h.beamEnergyKeV(), h.liveTimeS(),
                h.elements());
    }

    static int itemBytes(Object data) {
        if (data instanceof float[] || data instanceof int[]) {
            return 4;
        }
        if (data instanceof double[]) {
            return 8;
        }
        if (data instanceof short[]) {
            return 2;
        }
        throw new IllegalArgumentException("signal values must be float[], double[], int[] or short[] (uint16), got "
                + (data == null ? "null" : data.getClass().getSimpleName()));
    }
}
