package org.sicube.datasets.formats.emd;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.api.Dataset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Reads the EDS spectrum image of a Velox file from its spectrum stream(s) as a {@code (ny, nx, E)}
 * cube of counts (keV energy axis): the chosen frames summed, and the chosen detector stream or
 * the sum of all of them. Opening scans each stream once to index its rows; a tile then decodes
 * only its rows of each frame. Memory: the index ({@code frames · ny + 1} longs per stream) plus
 * one tile and one 2 MiB read buffer.
 */
public final class SpectrumStreamReader implements SpectrumImageReader {
    private final EmdHdf hdf;
    private final SpectrumImage header;
    private final List<StreamDecoder> decoders;
    private final List<StreamIndex> indexes;
    private final FrameRange frames;
    private final Optional<Instant> acquisitionStart;

    private SpectrumStreamReader(EmdHdf hdf, SpectrumImage header, List<StreamDecoder> decoders,
            List<StreamIndex> indexes, FrameRange frames, Optional<Instant> acquisitionStart) {
        this.hdf = hdf;
        this.header = header;
        this.decoders = decoders;
        this.indexes = indexes;
        this.frames = frames;
        this.acquisitionStart = acquisitionStart;
    }

    static SpectrumStreamReader open(EmdHdf hdf, EmdSignal signal, String detectorOption, String framesOption) {
        int[] imageShape = imageShape(hdf);
        List<DetectorStream> all = new ArrayList<>();
        for (String group : signal.groups()) {
            all.add(DetectorStream.open(hdf, group, imageShape));
        }
        all.sort(java.util.Comparator.comparing(DetectorStream::detector));
        List<DetectorStream> chosen = chooseDetectors(hdf, all, detectorOption);
        DetectorStream first = chosen.get(0);
        for (DetectorStream s : chosen) {
            if (!s.compatibleWith(first)) {
                throw new InvalidInputException(hdf.file().location() + ": detector streams " + first.detector() + " and "
                        + s.detector() + " differ in scan size, channels or energy calibration and cannot be summed;"
                        + " choose one with detector=<name>");
            }
        }
        long statedFrames = statedFrames(hdf);
        List<StreamIndex> indexes = new ArrayList<>();
        List<StreamDecoder> decoders = new ArrayList<>();
        int maxFrames = 0;
        for (DetectorStream s : chosen) {
            StreamIndex idx = StreamIndex.build(hdf, s.data(), s.ny(), s.nx(), s.channels(), statedFrames);
            indexes.add(idx);
            decoders.add(new StreamDecoder(hdf, s.data(), idx, s.nx(), s.channels()));
            maxFrames = Math.max(maxFrames, idx.frames());
        }
        FrameRange range = FrameRange.parse(framesOption, maxFrames, hdf.file().location());
        long total = 0;
        for (StreamIndex idx : indexes) {
            total += idx.counts(range.first(), Math.min(range.last(), idx.frames() - 1));
        }
        SpectrumImage header = header(hdf, chosen, total);
        return new SpectrumStreamReader(hdf, header, decoders, indexes, range, first.metadata().acquisitionStart());
    }

    private static List<DetectorStream> chooseDetectors(EmdHdf hdf, List<DetectorStream> all, String option) {
        if (option == null || option.isBlank() || option.trim().equalsIgnoreCase("sum")) {
            return all;
        }
        String want = option.trim();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            DetectorStream s = all.get(i);
            if (s.detector().equalsIgnoreCase(want) || want.equals(Integer.toString(i))) {
                return List.of(s);
            }
            names.add(i + "=" + s.detector());
        }
        throw new InvalidInputException(hdf.file().location() + ": reader option detector='" + option
                + "' matches no detector stream; choices: sum, " + String.join(", ", names));
    }

    /** {@code endFramePosition} of the one {@code /Data/SpectrumImage/<id>/SpectrumImageSettings}, or 0 when unknown. */
    private static long statedFrames(EmdHdf hdf) {
        List<String> groups = hdf.subGroups(EmdSignals.PROPRIETARY_SI);
        if (groups.size() != 1) {
            return 0;
        }
        String path = EmdSignals.PROPRIETARY_SI + "/" + groups.get(0) + "/SpectrumImageSettings";
        if (hdf.nodeOrNull(path) == null) {
            return 0;
        }
        JsonNode settings = VeloxJson.stringDataset(hdf, path);
        if (VeloxJson.at(settings, "endFramePosition").isMissingNode()) {
            return 0;
        }
        return VeloxJson.requiredLong(hdf, path, settings, "endFramePosition", 1, 10_000_000);
    }

    /** {@code (ny, nx)} shared by all images under {@code /Data/Image} (stored as {@code (ny, nx, frames)}), or null. */
    private static int[] imageShape(EmdHdf hdf) {
        int[] shape = null;
        for (String id : hdf.subGroups("/Data/Image")) {
            String path = "/Data/Image/" + id + "/Data";
            if (!(hdf.nodeOrNull(path) instanceof Dataset d)) {
                continue;
            }
            long[] dims = hdf.dims(path, d);
            if (dims.length != 3 || dims[0] > Integer.MAX_VALUE || dims[1] > Integer.MAX_VALUE) {
                continue;
            }
            int[] s = {(int) dims[0], (int) dims[1]};
            if (shape != null && (shape[0] != s[0] || shape[1] != s[1])) {
                return null;
            }
            shape = s;
        }
        return shape;
    }

    private static SpectrumImage header(EmdHdf hdf, List<DetectorStream> chosen, long total) {
        DetectorStream first = chosen.get(0);
        VeloxMetadata md = first.metadata();
        EnergyAxis axis = new EnergyAxis(first.offsetEv() / 1000.0, first.dispersionEv() / 1000.0, "keV", first.channels());
        double live = 0;
        double real = 0;
        int n = 0;
        for (DetectorStream s : chosen) {
            for (VeloxMetadata.Detector d : s.detectors()) {
                live += d.liveTimeS();
                real += d.realTimeS();
                n++;
            }
        }
        List<String> names = chosen.stream().map(DetectorStream::detector).toList();
        return new SpectrumImage(first.ny(), first.nx(), axis, md.pixelSize(), md.pixelUnits(), "EDS_TEM",
                md.beamEnergyKeV(), live / n, real / n, VeloxElements.selected(hdf), String.join("+", names),
                hdf.file().location(), "emd", "", "uint16", total);
    }

    @Override
    public SpectrumImage header() {
        return header;
    }

    /** The frames summed, 0-based inclusive. */
    public int firstFrame() {
        return frames.first();
    }

    public int lastFrame() {
        return frames.last();
    }

    /** Frames in the stream (the most among the chosen detector streams). */
    public int frameCount() {
        return indexes.stream().mapToInt(StreamIndex::frames).max().orElse(0);
    }

    /** When the acquisition started ({@code Acquisition/AcquisitionStartDatetime}), if the file says. */
    public Optional<Instant> acquisitionStart() {
        return acquisitionStart;
    }

    @Override
    public PixelBlock readBlock(int y0, int x0, int height, int width) {
        Tiles.check(header, y0, x0, height, width);
        PixelBlock block = PixelBlock.empty(y0, x0, height, width, header.channels());
        for (int s = 0; s < decoders.size(); s++) {
            int last = Math.min(frames.last(), indexes.get(s).frames() - 1);
            for (int f = frames.first(); f <= last; f++) {
                decoders.get(s).addFrame(f, y0, x0, height, width, block.counts());
            }
        }
        return block;
    }

    @Override
    public void close() {
        hdf.close();
    }
}
