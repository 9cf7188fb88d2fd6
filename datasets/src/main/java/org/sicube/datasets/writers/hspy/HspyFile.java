package org.sicube.datasets.writers.hspy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builder of a HyperSpy {@code .hspy} file (HDF5, hspy format 3.1) holding one or more signals, e.g.
 * {@code HspyFile.create(path).addSignal(cube).addSignal(scoreMaps).write()}. Each signal becomes
 * {@code /Experiments/<title>}; root attributes {@code file_format = "HyperSpy"} and
 * {@code file_format_version = "3.1"}. The file is written under a temporary name next to the
 * target and renamed when complete, so readers never see a half-written file.
 */
public final class HspyFile {
    public static final String FORMAT_VERSION = "3.1";
    /** Root dataset naming the writing software; HyperSpy reads only {@code /Experiments}. */
    static final String WRITER_DATASET = "written_by";
    static final String WRITER_NAME = "sicube";

    private final Path target;
    private final Map<String, HspySignal> signals = new LinkedHashMap<>();
    private boolean compress = true;

    private HspyFile(Path target) {
        this.target = target;
    }

    public static HspyFile create(Path target) {
        return new HspyFile(target.toAbsolutePath());
    }

    /** Adds a signal; its group name is its title ("__unnamed__" when empty), which must be unique. */
    public HspyFile addSignal(HspySignal signal) {
        String name = groupName(signal.metadata().title());
        if (signals.putIfAbsent(name, signal) != null) {
            throw new IllegalArgumentException("two signals would share the group /Experiments/" + name
                    + " in " + target + "; give them different titles");
        }
        return this;
    }

    /** Chunked gzip with shuffle is on by default, as HyperSpy writes. */
    public HspyFile compress(boolean on) {
        this.compress = on;
        return this;
    }

    public List<String> groupNames() {
        return new ArrayList<>(signals.keySet());
    }

    /** Writes all signals and returns the target path. */
    public Path write() throws IOException {
        if (signals.isEmpty()) {
            throw new IllegalStateException("no signal to write to " + target);
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                hdf.putAttribute("file_format", "HyperSpy");
                hdf.putAttribute("file_format_version", FORMAT_VERSION);
                WritableGroup experiments = hdf.putGroup("Experiments");
                for (Map.Entry<String, HspySignal> e : signals.entrySet()) {
                    HspySignalWriter.write(experiments, e.getKey(), e.getValue(), compress);
                }
                // jhdf 0.13.0 appends its own info record at the channel position left by the last
                // contiguous dataset it wrote; any group written after that would be overwritten. This
                // small contiguous dataset is the last root child in jhdf's write order, so the record
                // lands at the true end of the file. HdfStructureCheck verifies the result below.
                hdf.putDataset(WRITER_DATASET, WRITER_NAME);
            }
            HdfStructureCheck.verify(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** HDF5 names cannot contain '/' and HyperSpy calls an untitled signal "__unnamed__". */
    static String groupName(String title) {
        String t = title.strip().replace('/', '_');
        return t.isEmpty() ? "__unnamed__" : t;
    }
}
