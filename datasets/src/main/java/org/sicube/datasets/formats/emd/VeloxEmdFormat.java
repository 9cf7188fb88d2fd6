package org.sicube.datasets.formats.emd;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;

/**
 * Thermo Fisher (FEI) Velox EMD: HDF5 files with {@code /Data/SpectrumStream} (EDS as a stream of
 * channel indices, see {@link SpectrumStreamReader}) and, in newer files,
 * {@code /Data/EelsSpectrumImage} (EELS cubes, see {@link EelsCubeReader}). Layouts as written by
 * Velox and read by RosettaSciIO's {@code emd} plugin (FEI EMD reader). Reader options:
 * {@code signal} (EDS, EELS, a listed name such as EELS480, or an index), {@code detector} (sum,
 * a detector stream name such as UltraX3, or an index) and {@code frames} (e.g. 0-9 or 4).
 */
public final class VeloxEmdFormat implements SpectrumImageFormat {
    /** The HDF5 format signature, {@code \211HDF\r\n\032\n}. */
    static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    @Override
    public String name() {
        return "emd";
    }

    @Override
    public List<String> extensions() {
        return List.of("emd");
    }

    /**
     * The signature at offset 0, where Velox writes it. HDF5 also allows a user block of 512,
     * 1024, ... bytes before the superblock; jhdf finds the superblock there, so {@link #open}
     * reads such files, but the registry's 512-byte head cannot show a signature at 512 or later.
     */
    @Override
    public boolean matchesMagic(byte[] head) {
        return startsWithSignature(head, 0);
    }

    static boolean startsWithSignature(byte[] b, int at) {
        if (b.length < at + HDF5_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < HDF5_SIGNATURE.length; i++) {
            if (b[at + i] != HDF5_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("signal", "detector", "frames");
    }

    @Override
    public SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        EmdHdf hdf = EmdHdf.open(file);
        try {
            EmdSignal signal = EmdSignals.choose(hdf, EmdSignals.list(hdf), options.get("signal", null));
            return switch (signal.kind()) {
                case EDS_STREAM -> SpectrumStreamReader.open(hdf, signal, options.get("detector", null),
                        options.get("frames", null));
                case EELS_CUBE -> {
                    rejectStreamOptions(file, options);
                    yield EelsCubeReader.open(hdf, signal);
                }
            };
        } catch (RuntimeException | Error e) {
            hdf.close();
            throw e;
        }
    }

    private static void rejectStreamOptions(InputFile file, ReaderOptions options) {
        for (String k : List.of("detector", "frames")) {
            if (options.values().containsKey(k)) {
                throw new org.sicube.datasets.io.InvalidInputException(file.location() + ": reader option '" + k
                        + "' applies to the EDS spectrum stream only, not to an EELS spectrum image");
            }
        }
    }
}
