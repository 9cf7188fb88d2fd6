package org.sicube.datasets.formats.hspy;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed look-ups in a HyperSpy HDF5 tree, where scalars are attributes, booleans are stored as
 * the strings {@code TRUE}/{@code FALSE} (or as numbers) and lists as {@code _list_<name>} datasets.
 * Absent or mistyped values come back as NaN, "" or an empty list: metadata is optional.
 */
final class HspyNodes {
    private HspyNodes() {
    }

    /** The node at a slash-separated path below {@code g}, or null. */
    static Node child(Group g, String path) {
        Node n = g;
        for (String part : path.split("/")) {
            if (!(n instanceof Group grp) || !grp.getChildren().containsKey(part)) {
                return null;
            }
            n = grp.getChild(part);
        }
        return n;
    }

    private static Object scalar(Node n, String attribute) {
        if (n == null) {
            return null;
        }
        Attribute a = n.getAttributes().get(attribute);
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        if (v != null && v.getClass().isArray()) {
            v = Array.getLength(v) == 1 ? Array.get(v, 0) : null;
        }
        return v;
    }

    static double number(Node n, String attribute) {
        Object v = scalar(n, attribute);
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    static String text(Node n, String attribute) {
        Object v = scalar(n, attribute);
        return v == null ? "" : String.valueOf(v);
    }

    static boolean flag(Node n, String attribute) {
        Object v = scalar(n, attribute);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number num) {
            return num.doubleValue() != 0;
        }
        return v instanceof String s && s.strip().toLowerCase(Locale.ROOT).equals("true");
    }

    /** A list of strings stored as dataset {@code _list_<name>} under {@code g}. */
    static List<String> stringList(Node g, String name) {
        if (!(g instanceof Group grp) || !(grp.getChildren().get("_list_" + name) instanceof Dataset d)
                || d.getDimensions().length != 1 || d.getDimensions()[0] > 200) {
            return List.of();
        }
        Object data;
        try {
            data = d.getData();
        } catch (RuntimeException e) {
            // jhdf 0.13 fails inside its shuffle filter on shuffled variable-length string datasets,
            // which is how HyperSpy 1.7 writes these lists; the list is optional metadata.
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (data != null && data.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(data); i++) {
                out.add(String.valueOf(Array.get(data, i)));
            }
        }
        return out;
    }
}
