package org.sicube.datasets.formats.jeol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the JEOL Analysis Station ("JED") parameter tree: a name, a value type, the raw
 * little-endian value bytes and child entries. Types: 1/6 uint8, 2/7/14 uint16, 3/8 int32,
 * 4/9 float32, 5/10 float64, 11 and 65552/65553 bool, 12/13/20 text; 0 is a pure group.
 */
final class JedNode {
    final String name;
    final int type;
    final byte[] value;
    final List<JedNode> children = new ArrayList<>();

    JedNode(String name, int type, byte[] value) {
        this.name = name;
        this.type = type;
        this.value = value;
    }

    /** The last child named {@code name} (JEOL repeats some keys; the last one holds the value in use). */
    JedNode child(String name) {
        JedNode found = null;
        for (JedNode c : children) {
            if (c.name.equals(name)) {
                found = c;
            }
        }
        return found;
    }

    /** The entry at a {@code '/'}-separated path, or null. */
    JedNode find(String path) {
        JedNode at = this;
        for (String part : path.split("/")) {
            at = at == null ? null : at.child(part);
        }
        return at;
    }

    /** The first value as a number, or NaN when this is not a numeric entry. */
    double number() {
        ByteBuffer bb = ByteBuffer.wrap(value == null ? new byte[0] : value).order(ByteOrder.LITTLE_ENDIAN);
        int size = switch (type) {
            case 1, 6, 11, 65552, 65553 -> 1;
            case 2, 7, 14 -> 2;
            case 3, 8, 4, 9 -> 4;
            case 5, 10 -> 8;
            default -> 0;
        };
        if (size == 0 || bb.remaining() < size) {
            return Double.NaN;
        }
        return switch (type) {
            case 1, 6, 11, 65552, 65553 -> bb.get(0) & 0xff;
            case 2, 7, 14 -> bb.getShort(0) & 0xffff;
            case 3, 8 -> bb.getInt(0);
            case 4, 9 -> bb.getFloat(0);
            default -> bb.getDouble(0);
        };
    }

    /** The value as text up to the first NUL (text types), or "". */
    String text() {
        if (value == null || !(type == 12 || type == 13 || type == 20)) {
            return "";
        }
        int n = 0;
        while (n < value.length && value[n] != 0) {
            n++;
        }
        return new String(value, 0, n, StandardCharsets.ISO_8859_1).trim();
    }
}
