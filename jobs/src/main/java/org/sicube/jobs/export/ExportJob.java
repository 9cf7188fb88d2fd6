package org.sicube.jobs.export;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.datasets.writers.hspy.HspyFile;
import org.sicube.datasets.writers.hspy.HspySignal;
import org.sicube.datasets.writers.ripple.RippleDataType;
import org.sicube.datasets.writers.ripple.RippleHeader;
import org.sicube.datasets.writers.ripple.RippleWriter;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.store.BlockStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export}: a block store back to a file the user's usual tools open. Ripple {@code .rpl/.raw}
 * streams (blocks reach the driver one partition at a time and are written at their positions), so
 * any size works; {@code .hspy} is written whole by the HDF5 library, so it is limited to cubes
 * below 2 GiB as float32.
 */
@Command(name = "export", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Write a block store as .hspy (opens in HyperSpy; cubes < 2 GiB) or .rpl/.raw (any size) on the local disk.")
public final class ExportJob extends SparkJob {

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Block store to read (local or hdfs://).")
    String store;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Local file ending in .hspy or .rpl.")
    String output;

    @Option(names = "--dtype", defaultValue = "auto",
            description = "Ripple sample type: auto (the source's integer type when it has one, else float32), float32, uint16, uint32.")
    String dtype;

    @Option(names = "--overwrite", description = "Replace an existing output file.")
    boolean overwrite;

    private Path target;
    private boolean hspy;

    @Override
    protected void validate() {
        if (output.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new InvalidInputException(output + ": export writes to the local disk; give a local path");
        }
        target = Path.of(output).toAbsolutePath();
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        hspy = name.endsWith(".hspy");
        if (!hspy && !name.endsWith(".rpl")) {
            throw new InvalidInputException(output + ": the output must end in .hspy or .rpl");
        }
        if (Files.exists(target) && !overwrite) {
            throw new InvalidInputException(output + ": already exists; choose another --output or pass --overwrite");
        }
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HeaderJson.Parsed parsed = BlockStore.readHeader(store, sc.hadoopConfiguration());
        SpectrumImage h = parsed.header();
        long blocks = new BlockGrid(h.ny(), h.nx(), parsed.blockHeight(), parsed.blockWidth()).size();
        Iterator<PixelBlock> it = BlockStore.readBlocks(spark, store).toLocalIterator();
        try (Progress p = Progress.start(sc, "export " + target.getFileName(), blocks, h.spectra())) {
            if (hspy) {
                writeHspy(h, it);
            } else {
                writeRipple(h, it);
            }
            p.done();
        }
        System.out.println("exported " + store + " → " + target);
    }

    private void writeHspy(SpectrumImage h, Iterator<PixelBlock> it) throws Exception {
        long values = h.spectra() * h.channels();
        if (4 * values > HspySignal.MAX_BYTES) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s: the cube holds %d values (%.2f GiB as float32), more than one .hspy dataset can be written whole"
                            + " (2 GiB); export to .rpl instead, which streams", output, values, 4.0 * values / (1L << 30)));
        }
        float[] cube = new float[(int) values];
        while (it.hasNext()) {
            PixelBlock b = it.next();
            for (int y = b.y0(); y < b.y0() + b.height(); y++) {
                int from = b.offsetOf(y, b.x0());
                int to = (int) (((long) y * h.nx() + b.x0()) * h.channels());
                System.arraycopy(b.counts(), from, cube, to, b.width() * h.channels());
            }
        }
        String title = h.sourceFile().isEmpty() ? "spectrum image" : Path.of(h.sourceFile()).getFileName().toString();
        HspyFile.create(target).addSignal(HspySignal.cube(title, h, cube)).write();
    }

    private void writeRipple(SpectrumImage h, Iterator<PixelBlock> it) throws Exception {
        RippleHeader header = new RippleHeader(h.ny(), h.nx(), h.energy(), sampleType(h), ByteOrder.LITTLE_ENDIAN,
                h.pixelSize(), h.pixelUnits(), h.beamEnergyKeV(), h.signalType(), h.sourceFile());
        RippleWriter w = RippleWriter.create(target, header);
        try {
            while (it.hasNext()) {
                w.write(it.next());
            }
            w.close();
        } catch (Exception | Error e) {
            w.abort();
            throw e;
        }
    }

    private RippleDataType sampleType(SpectrumImage h) {
        return switch (dtype.toLowerCase(Locale.ROOT)) {
            case "float32" -> RippleDataType.FLOAT32;
            case "uint16" -> RippleDataType.UINT16;
            case "uint32" -> RippleDataType.UINT32;
            case "auto" -> switch (h.dataType()) {
                case "uint8", "uint16" -> RippleDataType.UINT16;
                case "uint32" -> RippleDataType.UINT32;
                default -> RippleDataType.FLOAT32;
            };
            default -> throw new InvalidInputException("--dtype '" + dtype + "' must be auto, float32, uint16 or uint32");
        };
    }
}
