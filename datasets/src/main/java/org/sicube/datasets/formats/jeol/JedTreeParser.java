package org.sicube.datasets.formats.jeol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Parses the JEOL parameter tree that follows a {@code .pts} file header (layout as read by
 * rosettasciio's JEOL reader): a sequence of marks; mark 1 opens an entry
 * {@code (name length i4, name, type i4, value length i4, value bytes unless type 0)} whose children
 * follow, mark 0xFF closes the innermost open entry, and a 0xFF at top level (or any other mark) ends
 * the tree. All integers little endian.
 */
final class JedTreeParser {
    private static final int MAX_DEPTH = 64;

    private JedTreeParser() {
    }

    /** Parses {@code bytes} (the header region); {@code base} is its file offset, for messages. */
    static JedNode parse(byte[] bytes, long base, String file) {
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        JedNode root = new JedNode("", 0, null);
        Deque<JedNode> open = new ArrayDeque<>();
        open.push(root);
        while (bb.hasRemaining()) {
            int mark = bb.get() & 0xff;
            if (mark == 0xff) {
                if (open.size() == 1) {
                    return root;
                }
                open.pop();
            } else if (mark == 1) {
                int nameLen = intField(bb, base, file, "name length");
                String name = stripName(bytes(bb, nameLen, base, file, "name"));
                int type = intField(bb, base, file, "type of '" + name + "'");
                int len = intField(bb, base, file, "value length of '" + name + "'");
                byte[] value = type == 0 ? null : bytes(bb, len, base, file, "value of '" + name + "'");
                JedNode node = new JedNode(name, type, value);
                open.peek().children.add(node);
                if (open.size() > MAX_DEPTH) {
                    throw new InvalidInputException(file + ": parameter tree nested deeper than " + MAX_DEPTH
                            + " at byte " + (base + bb.position()));
                }
                open.push(node);
            } else {
                return root;
            }
        }
        if (open.size() > 1) {
            throw new InvalidInputException(file + ": the parameter tree is cut off at byte " + (base + bytes.length)
                    + " (entry '" + open.peek().name + "' is not closed)");
        }
        return root;
    }

    private static int intField(ByteBuffer bb, long base, String file, String what) {
        if (bb.remaining() < 4) {
            throw new InvalidInputException(file + ": parameter tree ends inside the " + what + " at byte "
                    + (base + bb.position()));
        }
        return bb.getInt();
    }

    private static byte[] bytes(ByteBuffer bb, int n, long base, String file, String what) {
        if (n < 0 || n > bb.remaining()) {
            throw new InvalidInputException(file + ": parameter-tree " + what + " of " + n + " bytes at byte "
                    + (base + bb.position()) + " runs past the header (" + bb.remaining() + " bytes left)");
        }
        byte[] b = new byte[n];
        bb.get(b);
        return b;
    }

    /**
     * Names are NUL-padded. Some files hold a first 'ScanSize' key with a stray 0xDE byte appended;
     * it keeps that byte here, so lookups find the later, clean key that holds the value in use.
     */
    private static String stripName(byte[] raw) {
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.ISO_8859_1);
    }
}
