package org.sicube.datasets.formats.bcf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Deliberately damaged copies of real files (truncated; altered SFS header, file table, XML header,
 * pixel stream and zlib blocks; lying sizes): each must fail with a one-line
 * {@link InvalidInputException} naming the file and what is wrong.
 */
class BcfCorruptionTest {
    private static final String PLAIN = "P45_the_default_job.bcf";
    private static final String ZLIB = "30x30_instructively_packed_16bit_compressed.bcf";
    private static final int HEADER_ITEM = 1;
    private static final int SPECTRUM_ITEM = 2;

    static byte[] original(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("sicube.shared"), "data", name));
    }

    /** Opens the bytes and reads every pixel; returns normally only if the whole map could be read. */
    static void readAll(String location, byte[] bytes) throws IOException {
        try (BcfReader r = BcfReader.open(new BytesInputFile(location, bytes), ReaderOptions.NONE)) {
            SpectrumImage h = r.header();
            r.readBlock(0, 0, h.ny(), h.nx());
        }
    }

    private static void expectInvalid(String name, byte[] bytes, String... fragments) {
        String location = "mem/" + name;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll(location, bytes));
        String m = e.getMessage();
        assertTrue(m.startsWith(location + ":"), m);
        assertFalse(m.contains("\n"), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "expected '" + f + "' in: " + m);
        }
    }

    private static int u32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    private static byte[] put32(byte[] b, int at, long v) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) v);
        return c;
    }

    private static int chunkData(byte[] f, long chunk) {
        return (int) (0x118 + chunk * u32(f, 0x128) + 0x20);
    }

    /** File offset of item {@code i} of the file table (the tables of these files fit one chunk). */
    private static int item(byte[] f, int i) {
        return chunkData(f, u32(f, 0x140)) + i * 0x200;
    }

    /** File offset of the first payload byte of a virtual file. */
    private static int payload(byte[] f, int i) {
        return chunkData(f, u32(f, chunkData(f, u32(f, item(f, i)))));
    }

    private static int find(byte[] f, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + t.length <= f.length; i++) {
            if (Arrays.equals(f, i, i + t.length, t, 0, t.length)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found");
    }

    private static byte[] overwrite(byte[] b, int at, String text) {
        byte[] c = b.clone();
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, c, at, t.length);
        return c;
    }

    @Test
    void truncatedAnywhere() throws IOException {
        byte[] f = original(PLAIN);
        for (int len : new int[] {0, 7, 100, 0x150, 5000, f.length / 2, f.length - 1}) {
            expectInvalid(PLAIN, Arrays.copyOf(f, len), "truncated");
        }
    }

    @Test
    void damagedContainerHeader() throws IOException {
        byte[] f = original(PLAIN);
        expectInvalid(PLAIN, overwrite(f, 2, "X"), "AAMVHFSS");
        expectInvalid(PLAIN, put32(f, 0x128, 0xFFFFFFFFL), "chunk size");
        expectInvalid(PLAIN, put32(f, 0x148, 0x7FFFFFFF), "chunks", "truncated");
        expectInvalid(PLAIN, put32(f, 0x144, 0x10000000), "file table claims");
        expectInvalid(PLAIN, put32(f, 0x140, 0xFFFF), "chunk chain");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Formats.open(new BytesInputFile("mem/" + PLAIN, overwrite(f, 0, "XX"))));
        assertTrue(e.getMessage().contains("mem/" + PLAIN) && e.getMessage().contains("bcf"), e.getMessage());
    }

    @Test
    void damagedFileTable() throws IOException {
        byte[] f = original(PLAIN);
        int spectrum = item(f, SPECTRUM_ITEM);
        expectInvalid(PLAIN, put32(f, spectrum + 40, 77), "parent 77");
        expectInvalid(PLAIN, put32(f, spectrum + 8, 0x100), "SpectrumData0", "claims");
        expectInvalid(PLAIN, put32(f, spectrum, 0x7FFFFFFF), "points to chunk");
        expectInvalid(PLAIN, overwrite(f, spectrum + 224, "X"), "no EDS hypermap");
        expectInvalid(PLAIN, overwrite(f, item(f, HEADER_ITEM) + 224, "X"), "EDSDatabase/HeaderData");
        expectInvalid(PLAIN, put32(f, chunkData(f, u32(f, spectrum)), 0x7FFFFFF0), "lists chunk");
    }

    @Test
    void damagedXmlHeader() throws IOException {
        byte[] f = original(PLAIN);
        expectInvalid(PLAIN, overwrite(f, find(f, "<CalibLin>") + 10, "x"), "HeaderData", "CalibLin holds");
        expectInvalid(PLAIN, overwrite(f, find(f, "</CalibAbs>") + 9, "X"), "HeaderData", "malformed");
        expectInvalid(PLAIN, overwrite(f, find(f, "<ChannelCount>2048") + 14, "0000"), "ChannelCount 0");
        expectInvalid(PLAIN, overwrite(f, find(f, "<CalibLin>") + 1, "X"), "malformed", "XalibLin");
    }

    @Test
    void damagedPixelStream() throws IOException {
        byte[] f = original(PLAIN);
        int data = payload(f, SPECTRUM_ITEM);
        expectInvalid(PLAIN, put32(f, data, 1 << 30), "SpectrumData0 offset 0", "map size");
        expectInvalid(PLAIN, put32(f, data + 4, 75), "header says 75 x 100", "stream says 75 x 75");
        assertTrue(u32(f, data + 0x1A0) > 0, "row 0 of this file holds pixels");
        expectInvalid(PLAIN, put32(f, data + 0x1A0, 0xFFFFFFFFL), "SpectrumData0 offset 416",
                "claims 4294967295 pixels");
        expectInvalid(PLAIN, put32(f, data + 0x1A4, 5000), "x = 5000");
        expectInvalid(PLAIN, put32(f, data + 0x1A4 + 18, 0x7FFFFFFF), "more than");
        expectInvalid(PLAIN, put32(f, data + 0x1A4 + 18, 0x3FFFFF), "stream ends");
    }

    @Test
    void damagedCompressedBlocks() throws IOException {
        byte[] f = original(ZLIB);
        int data = payload(f, SPECTRUM_ITEM);
        expectInvalid(ZLIB, put32(f, data + 4, 0), "block size");
        expectInvalid(ZLIB, put32(f, data + 12, 0x0FFFFFFF), "compressed blocks");
        expectInvalid(ZLIB, put32(f, data + 0x80, 0x7FFFFFFF), "compressed block 0 claims");
        expectInvalid(ZLIB, put32(f, data + 0x84, 524287), "compressed block 0", "inflate");
        expectInvalid(ZLIB, put32(f, data + 0x84, 0x7FFFFFFF), "compressed block 0", "inflate to");
        byte[] flipped = f.clone();
        for (int i = 0; i < 8; i++) {
            flipped[data + 0x90 + 1000 + i] ^= (byte) 0x5A;
        }
        expectInvalid(ZLIB, flipped, "SpectrumData0", "compressed block 0");
        byte[] header = f.clone();
        header[payload(f, HEADER_ITEM) + 0x90 + 500] ^= (byte) 0xFF;
        expectInvalid(ZLIB, header, "HeaderData", "compressed block 0");
    }
}
