package org.sicube.jobs.ingest;

import java.io.IOException;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.store.BlockSource;

/** Blocks read from an input file: each executor opens the file itself and reads only its tiles. */
record FileBlockSource(InputFile file, ReaderOptions options) implements BlockSource {

    @Override
    public Producer open() throws IOException {
        SpectrumImageReader reader = Formats.open(file, options);
        return new Producer() {
            @Override
            public PixelBlock produce(BlockGrid.Tile t) throws IOException {
                return reader.readBlock(t.y0(), t.x0(), t.height(), t.width());
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
