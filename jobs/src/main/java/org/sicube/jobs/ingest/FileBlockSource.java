package org.sicube.jobs.ingest;

import java.io.IOException;
import org.sicube.datasets.formats.CountsCheck;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.store.BlockSource;

/**
 * Blocks read from an input file: each executor opens the file itself and reads only its tiles,
 * checking that they hold counts unless {@code countsRequired} is false.
 */
record FileBlockSource(InputFile file, ReaderOptions options, boolean countsRequired) implements BlockSource {

    @Override
    public Producer open() throws IOException {
        SpectrumImageReader reader = Formats.open(file, options);
        return new Producer() {
            @Override
            public PixelBlock produce(BlockGrid.Tile t) throws IOException {
                PixelBlock b = reader.readBlock(t.y0(), t.x0(), t.height(), t.width());
                if (countsRequired) {
                    CountsCheck.requireCounts(b, file.location());
                }
                return b;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
