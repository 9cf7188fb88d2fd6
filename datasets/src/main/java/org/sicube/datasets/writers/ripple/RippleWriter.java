package org.sicube.datasets.writers.ripple;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import org.sicube.datasets.model.PixelBlock;

/**
 * Streams a spectrum image to a Ripple pair {@code name.rpl} + {@code name.raw} (Lispix convention,
 * record-by vector: the value of pixel {@code (y, x)} channel {@code e} is at sample index
 * {@code (y * nx + x) * E + e}). The header is fixed first; {@link PixelBlock} tiles are then written
 * at their own positions in any order, one positioned write per tile row, so memory stays at one
 * tile row whatever the cube size. Both files are written under temporary names and renamed by
 * {@link #close()} once every pixel has been written.
 */
public final class RippleWriter implements Closeable {
    private final RippleHeader header;
    private final Path rpl;
    private final Path raw;
    private final Path rawTmp;
    private final FileChannel channel;
    private final BitSet written;
    private final RippleEncoder encoder;
    private boolean closed;

    private RippleWriter(RippleHeader header, Path rpl, Path raw, Path rawTmp, FileChannel channel) {
        this.header = header;
        this.rpl = rpl;
        this.raw = raw;
        this.rawTmp = rawTmp;
        this.channel = channel;
        this.written = new BitSet(Math.toIntExact((long) header.ny() * header.nx()));
        this.encoder = new RippleEncoder(header, rpl);
    }

    /** Opens a writer for {@code rpl} (its .raw is the same name with extension .raw). */
    public static RippleWriter create(Path rpl, RippleHeader header) throws IOException {
        Path target = rpl.toAbsolutePath();
        String name = target.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".rpl")) {
            throw new IllegalArgumentException("a Ripple header file must end in .rpl: " + target);
        }
        Path raw = target.resolveSibling(name.substring(0, name.length() - 4) + ".raw");
        Files.createDirectories(target.getParent());
        Path rawTmp = Files.createTempFile(target.getParent(), "." + raw.getFileName(), ".tmp");
        FileChannel ch = FileChannel.open(rawTmp, StandardOpenOption.WRITE);
        return new RippleWriter(header, target, raw, rawTmp, ch);
    }

    public RippleHeader header() {
        return header;
    }

    /** Writes one tile at its {@code (y0, x0)}; its channel count must match the header. */
    public void write(PixelBlock block) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer for " + rpl + " is closed");
        }
        if (block.channels() != header.channels() || block.y0() < 0 || block.x0() < 0
                || block.y0() + block.height() > header.ny() || block.x0() + block.width() > header.nx()) {
            throw new IllegalArgumentException("block " + block.height() + "x" + block.width() + "x" + block.channels()
                    + " at (y=" + block.y0() + ", x=" + block.x0() + ") does not fit the " + header.ny() + "x"
                    + header.nx() + "x" + header.channels() + " cube of " + rpl);
        }
        int rowValues = block.width() * block.channels();
        for (int r = 0; r < block.height(); r++) {
            int y = block.y0() + r;
            ByteBuffer bytes = encoder.encode(block.counts(), r * rowValues, rowValues, y, block.x0());
            long position = ((long) y * header.nx() + block.x0()) * header.channels() * header.type().bytes();
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            int first = y * header.nx() + block.x0();
            written.set(first, first + block.width());
        }
    }

    /**
     * Completes the pair: checks that every pixel was written, writes the .rpl and renames both files
     * into place. On failure the temporary files are removed and nothing is renamed.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            int missing = written.nextClearBit(0);
            if (missing < header.ny() * header.nx()) {
                throw new IOException("Ripple export " + rpl + " is incomplete: pixel (y=" + missing / header.nx()
                        + ", x=" + missing % header.nx() + ") was never written");
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(rawTmp);
            throw e;
        }
        Path rplTmp = Files.createTempFile(rpl.getParent(), "." + rpl.getFileName(), ".tmp");
        try {
            Files.writeString(rplTmp, header.toText(), StandardCharsets.US_ASCII);
            Files.move(rawTmp, raw, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(rplTmp, rpl, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(rplTmp);
            Files.deleteIfExists(rawTmp);
        }
    }

    /** Abandons the export: closes and deletes the temporary .raw without touching the targets. */
    public void abort() throws IOException {
        closed = true;
        channel.close();
        Files.deleteIfExists(rawTmp);
    }
}
