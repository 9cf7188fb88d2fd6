package org.sicube.datasets.formats.dm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only writer of DigitalMicrograph tag trees as {@code .dm3} (4-byte sizes) or {@code .dm4}
 * (8-byte sizes and per-entry sizes) in either byte order, following the same published layout the
 * reader implements. Used to generate spectrum images with known values, calibrations and tags.
 */
final class DmTestWriter {

    /** A tag group under construction; entries keep their order. */
    static final class Group {
        final List<String> names = new ArrayList<>();
        final List<Object> entries = new ArrayList<>();

        Group group(String name) {
            Group g = new Group();
            names.add(name);
            entries.add(g);
            return g;
        }

        /** Adds a data tag: Integer (int32), Short, Float, Double, Boolean, String (uint16 text), Struct or Array. */
        Group put(String name, Object value) {
            names.add(name);
            entries.add(value);
            return this;
        }
    }

    /** An array of simple DM element type {@code type} whose values are already encoded in {@code raw}. */
    record Array(int type, long count, byte[] raw) {
    }

    /** A struct of float64 fields (as DM writes rectangles and points). */
    record Struct(double... fields) {
    }

    /** An array of {@code count} structs of two int32 fields, written as zeros (exercises skipping). */
    record StructArray(int count) {
    }

    private final int version;
    private final ByteOrder order;

    DmTestWriter(int version, ByteOrder order) {
        this.version = version;
        this.order = order;
    }

    byte[] write(Group root) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeGroupBody(body, root);
        byte[] b = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(be(version, 4));
        out.writeBytes(be(b.length + 8L, version == 4 ? 8 : 4));
        out.writeBytes(be(order == ByteOrder.LITTLE_ENDIAN ? 1 : 0, 4));
        out.writeBytes(b);
        out.writeBytes(new byte[8]);
        return out.toByteArray();
    }

    private void writeGroupBody(ByteArrayOutputStream out, Group g) {
        out.write(1);
        out.write(0);
        out.writeBytes(size(g.entries.size()));
        for (int i = 0; i < g.entries.size(); i++) {
            Object e = g.entries.get(i);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (e instanceof Group child) {
                writeGroupBody(content, child);
            } else {
                writeData(content, e);
            }
            byte[] name = g.names.get(i).getBytes(StandardCharsets.ISO_8859_1);
            out.write(e instanceof Group ? 20 : 21);
            out.writeBytes(be(name.length, 2));
            out.writeBytes(name);
            if (version == 4) {
                out.writeBytes(be(content.size(), 8));
            }
            out.writeBytes(content.toByteArray());
        }
    }

    private void writeData(ByteArrayOutputStream out, Object v) {
        out.writeBytes("%%%%".getBytes(StandardCharsets.ISO_8859_1));
        long[] info;
        byte[] data;
        if (v instanceof Integer i) {
            info = new long[] {3};
            data = buf(4).putInt(i).array();
        } else if (v instanceof Short s) {
            info = new long[] {2};
            data = buf(2).putShort(s).array();
        } else if (v instanceof Float f) {
            info = new long[] {6};
            data = buf(4).putFloat(f).array();
        } else if (v instanceof Double d) {
            info = new long[] {7};
            data = buf(8).putDouble(d).array();
        } else if (v instanceof Boolean b) {
            info = new long[] {8};
            data = new byte[] {(byte) (b ? 1 : 0)};
        } else if (v instanceof String s) {
            info = new long[] {20, 4, s.length()};
            ByteBuffer bb = buf(2 * s.length());
            s.chars().forEach(c -> bb.putShort((short) c));
            data = bb.array();
        } else if (v instanceof Struct s) {
            info = new long[3 + 2 * s.fields().length];
            info[0] = 15;
            info[2] = s.fields().length;
            ByteBuffer bb = buf(8 * s.fields().length);
            for (int f = 0; f < s.fields().length; f++) {
                info[4 + 2 * f] = 7;
                bb.putDouble(s.fields()[f]);
            }
            data = bb.array();
        } else if (v instanceof StructArray a) {
            info = new long[] {20, 15, 0, 2, 0, 3, 0, 3, a.count()};
            data = new byte[8 * a.count()];
        } else if (v instanceof Array a) {
            info = new long[] {20, a.type(), a.count()};
            data = a.raw();
        } else {
            throw new IllegalArgumentException("cannot write " + v);
        }
        out.writeBytes(size(info.length));
        for (long w : info) {
            out.writeBytes(size(w));
        }
        out.writeBytes(data);
    }

    ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    private byte[] size(long v) {
        return be(v, version == 4 ? 8 : 4);
    }

    private static byte[] be(long v, int n) {
        byte[] b = new byte[n];
        for (int i = n - 1; i >= 0; i--, v >>>= 8) {
            b[i] = (byte) v;
        }
        return b;
    }
}
