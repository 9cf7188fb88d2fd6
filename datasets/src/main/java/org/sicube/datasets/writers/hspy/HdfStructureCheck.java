package org.sicube.datasets.writers.hspy;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Re-opens a freshly written HDF5 file and walks every group, attribute and dataset header (not the
 * data), so that a structurally broken file is reported at write time instead of by its reader.
 */
final class HdfStructureCheck {
    private HdfStructureCheck() {
    }

    static void verify(Path file) throws IOException {
        try (HdfFile hdf = new HdfFile(file)) {
            walk(hdf);
        } catch (RuntimeException e) {
            throw new IOException("the HDF5 file written to " + file + " does not read back: " + e.getMessage(), e);
        }
    }

    private static void walk(Group group) {
        group.getAttributes().values().forEach(a -> a.getData());
        for (Node child : group.getChildren().values()) {
            if (child instanceof Group g) {
                walk(g);
            } else if (child instanceof Dataset d) {
                d.getDimensions();
                d.getAttributes().size();
            }
        }
    }
}
