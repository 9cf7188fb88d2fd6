package org.sicube.transforms.physics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The characteristic X-ray lines (Kα, Kβ, Lα, Lβ1, Mα) of the elements common in microanalysis,
 * read once from the resource {@code xray_lines.csv}. Energies and family weights are those of
 * HyperSpy's elements database (hyperspy/misc/elements.py): energies from Chantler et al. (2005),
 * NIST X-ray transition energies; weights from the EPQ library.
 */
public final class XrayLineTable {

    private static final String RESOURCE = "xray_lines.csv";
    private static final XrayLineTable INSTANCE = load();

    private final List<XrayLine> byEnergy;
    private final Map<String, List<XrayLine>> byElement;

    private XrayLineTable(List<XrayLine> lines) {
        List<XrayLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble(XrayLine::energyKeV));
        this.byEnergy = List.copyOf(sorted);
        Map<String, List<XrayLine>> map = new LinkedHashMap<>();
        for (XrayLine l : lines) {
            map.computeIfAbsent(l.element(), k -> new ArrayList<>()).add(l);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.byElement = map;
    }

    public static XrayLineTable get() {
        return INSTANCE;
    }

    /** All lines, sorted by energy. */
    public List<XrayLine> all() {
        return byEnergy;
    }

    public boolean contains(String element) {
        return byElement.containsKey(element);
    }

    /** The lines of one element, in table order; throws for an element the table does not hold. */
    public List<XrayLine> lines(String element) {
        List<XrayLine> l = byElement.get(element);
        if (l == null) {
            throw new IllegalArgumentException("no X-ray lines tabulated for element '" + element
                    + "'; known: " + byElement.keySet());
        }
        return l;
    }

    /** One named line, e.g. {@code line("Mn", "Ka")}. */
    public XrayLine line(String element, String name) {
        for (XrayLine l : lines(element)) {
            if (l.line().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("element " + element + " has no line " + name + " in the table");
    }

    public int atomicNumber(String element) {
        return lines(element).get(0).z();
    }

    /** Lines with energy in [loKeV, hiKeV], sorted by energy (used to name peaks found in residuals). */
    public List<XrayLine> inWindow(double loKeV, double hiKeV) {
        List<XrayLine> out = new ArrayList<>();
        int i = firstAtOrAbove(loKeV);
        for (; i < byEnergy.size() && byEnergy.get(i).energyKeV() <= hiKeV; i++) {
            out.add(byEnergy.get(i));
        }
        return out;
    }

    /** Lines within {@code toleranceKeV} of {@code energyKeV}, nearest first. */
    public List<XrayLine> near(double energyKeV, double toleranceKeV) {
        List<XrayLine> out = inWindow(energyKeV - toleranceKeV, energyKeV + toleranceKeV);
        out.sort(Comparator.comparingDouble(l -> Math.abs(l.energyKeV() - energyKeV)));
        return out;
    }

    private int firstAtOrAbove(double keV) {
        int lo = 0;
        int hi = byEnergy.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byEnergy.get(mid).energyKeV() < keV) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static XrayLineTable load() {
        try (InputStream in = XrayLineTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<XrayLine> lines = new ArrayList<>();
            String s;
            boolean header = true;
            while ((s = r.readLine()) != null) {
                s = s.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = s.split(",");
                lines.add(new XrayLine(f[0], Integer.parseInt(f[1]), f[2],
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
            return new XrayLineTable(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
