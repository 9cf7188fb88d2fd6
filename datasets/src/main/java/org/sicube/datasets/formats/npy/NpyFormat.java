package org.sicube.datasets.formats.npy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.formats.raw.AxisOrder;
import org.sicube.datasets.formats.raw.CubeLayout;
import org.sicube.datasets.formats.raw.EnergyAxisOptions;
import org.sicube.datasets.formats.raw.RawCubeReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

/**
 * NumPy {@code .npy} arrays of counts: shape {@code (ny, nx, E)}, {@code (n, E)} (one row of
 * {@code n} spectra) or {@code (E)} (one spectrum), C or Fortran order. The file has no energy
 * axis: give it with the {@code energy-offset}, {@code energy-scale}, {@code energy-units} options.
 */
public final class NpyFormat implements SpectrumImageFormat {
    public static final String NAME = "npy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("npy");
    }

    @Override
    public boolean matchesMagic(byte[] head) {
        return NpyHeader.hasMagic(head);
    }

    @Override
    public Set<String> optionKeys() {
        return EnergyAxisOptions.KEYS;
    }

    @Override
    public SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        NpyHeader h = NpyHeader.read(file);
        long[] s = h.shape();
        if (s.length < 1 || s.length > 3) {
            throw new InvalidInputException(file.location() + ": header key 'shape' is " + Arrays.toString(s)
                    + "; a spectrum image is (ny, nx, E), (n, E) or (E)");
        }
        for (long d : s) {
            if (d < 1 || d > Integer.MAX_VALUE) {
                throw new InvalidInputException(file.location() + ": header key 'shape' is " + Arrays.toString(s)
                        + "; every dimension must be between 1 and " + Integer.MAX_VALUE);
            }
        }
        int channels = (int) s[s.length - 1];
        int nx = s.length >= 2 ? (int) s[s.length - 2] : 1;
        int ny = s.length == 3 ? (int) s[0] : 1;
        CubeLayout layout = new CubeLayout(h.dataOffset(), ny, nx, channels, h.type(), h.byteOrder(),
                h.fortranOrder() ? AxisOrder.E_X_Y : AxisOrder.Y_X_E);
        layout.requireFits(file, "the header's shape");
        EnergyAxis axis = EnergyAxisOptions.resolve(options, Double.NaN, Double.NaN, null, channels, file.location());
        SpectrumImage header = new SpectrumImage(ny, nx, axis, Double.NaN, "", "", Double.NaN, Double.NaN, Double.NaN, List.of(),
                "", file.location(), NAME, "", h.type().typeName(), Double.NaN);
        return new RawCubeReader(file, header, layout);
    }
}
