package org.sicube.datasets.formats.dm;

import java.util.ArrayList;
import java.util.List;

/**
 * A tag group of a DigitalMicrograph tag tree: an ordered list of named (or unnamed, as in
 * {@code ImageList}) entries, each a {@link DmGroup} or a {@link DmData}. Paths separate group names
 * with {@code ':'} as DigitalMicrograph itself does (names may contain '/'), e.g.
 * {@code "Microscope Info:Voltage"} or {@code "EELS Spectrometer:Dispersion (eV/ch)"}.
 */
final class DmGroup {
    private final List<String> names = new ArrayList<>();
    private final List<Object> entries = new ArrayList<>();

    void add(String name, Object entry) {
        names.add(name);
        entries.add(entry);
    }

    int size() {
        return entries.size();
    }

    Object entry(int i) {
        return entries.get(i);
    }

    /** The entry at a {@code ':'}-separated path, or null when any part is missing. */
    Object find(String path) {
        Object at = this;
        for (String part : path.split(":")) {
            if (!(at instanceof DmGroup g)) {
                return null;
            }
            at = g.child(part);
        }
        return at;
    }

    DmGroup group(String path) {
        return find(path) instanceof DmGroup g ? g : null;
    }

    DmData data(String path) {
        return find(path) instanceof DmData d ? d : null;
    }

    /** The number at {@code path}, or NaN when it is missing or not loaded. */
    double number(String path) {
        DmData d = data(path);
        return d == null ? Double.NaN : d.number();
    }

    /** The text at {@code path}, or "" when missing. */
    String text(String path) {
        DmData d = data(path);
        return d == null ? "" : d.text();
    }

    /** The unnamed entries in order (DM lists such as {@code ImageList} or {@code Dimensions}). */
    List<Object> list() {
        return List.copyOf(entries);
    }

    private Object child(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return entries.get(i);
            }
        }
        return null;
    }
}
