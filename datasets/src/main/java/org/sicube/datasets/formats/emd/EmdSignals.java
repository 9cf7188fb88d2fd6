package org.sicube.datasets.formats.emd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Finds the spectrum images in a Velox file and picks one by the {@code signal} reader option:
 * "EDS", "EELS" (when there is one EELS image), a listed name ("EELS480"), a listed index
 * ("2") or a group identifier (or a unique prefix of one). Without the option the EDS stream is
 * chosen, else the only spectrum image; anything ambiguous fails listing the choices.
 */
final class EmdSignals {
    static final String STREAMS = "/Data/SpectrumStream";
    static final String EELS = "/Data/EelsSpectrumImage";
    static final String PROPRIETARY_SI = "/Data/SpectrumImage";

    private EmdSignals() {
    }

    static List<EmdSignal> list(EmdHdf hdf) {
        List<EmdSignal> out = new ArrayList<>();
        List<String> streams = hdf.subGroups(STREAMS);
        if (!streams.isEmpty()) {
            out.add(new EmdSignal(EmdSignal.Kind.EDS_STREAM, "EDS",
                    streams.stream().map(s -> STREAMS + "/" + s).toList(),
                    "EDS spectrum stream, " + streams.size() + (streams.size() == 1 ? " detector stream" : " detector streams")));
        }
        Set<String> used = new HashSet<>();
        List<String> eels = new ArrayList<>(hdf.subGroups(EELS));
        // listed by energy, low loss first, so that indexes follow the spectrometer ranges
        java.util.Map<String, Double> start = new java.util.HashMap<>();
        eels.forEach(id -> start.put(id, eelsOffset(hdf, EELS + "/" + id)));
        eels.sort(java.util.Comparator.comparing((String id) -> start.get(id), java.util.Comparator.nullsLast(Double::compare)));
        for (String id : eels) {
            String group = EELS + "/" + id;
            Double offset = start.get(id);
            String name = offset == null ? "EELS-" + id.substring(0, Math.min(8, id.length()))
                    : offset <= 0 ? "EELSLL" : "EELS" + Math.round(offset);
            if (!used.add(name.toLowerCase(Locale.ROOT))) {
                name = name + "-" + id.substring(0, Math.min(8, id.length()));
                used.add(name.toLowerCase(Locale.ROOT));
            }
            out.add(new EmdSignal(EmdSignal.Kind.EELS_CUBE, name, List.of(group), "EELS spectrum image " + id));
        }
        return out;
    }

    /** The energy (eV) of the first channel of an EELS image, or null when its metadata is unreadable. */
    private static Double eelsOffset(EmdHdf hdf, String group) {
        try {
            double offset = VeloxJson.number(VeloxJson.column0(hdf, group + "/AcquisitionMetadata"), "Data/offset");
            return Double.isFinite(offset) ? offset : null;
        } catch (InvalidInputException e) {
            return null; // still listed; opening it reports what is wrong
        }
    }

    static EmdSignal choose(EmdHdf hdf, List<EmdSignal> signals, String option) {
        if (signals.isEmpty()) {
            String why = hdf.subGroups(PROPRIETARY_SI).isEmpty()
                    ? "holds no EDS spectrum stream (" + STREAMS + ") and no EELS spectrum image (" + EELS + ")"
                    : "holds no EDS spectrum stream; its spectrum image in " + PROPRIETARY_SI
                    + " is in Velox's proprietary compressed form, which is not readable; export it from Velox"
                    + " without pruning the spectrum stream";
            throw new InvalidInputException(hdf.file().location() + ": " + why);
        }
        if (option == null || option.isBlank()) {
            if (signals.get(0).kind() == EmdSignal.Kind.EDS_STREAM || signals.size() == 1) {
                return signals.get(0);
            }
            throw ambiguous(hdf, signals, "holds several spectrum images; choose one with signal=<name or index>");
        }
        String want = option.trim();
        List<EmdSignal> hits = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            EmdSignal s = signals.get(i);
            boolean byKind = want.equalsIgnoreCase("EELS") && s.kind() == EmdSignal.Kind.EELS_CUBE;
            boolean byId = want.length() >= 4 && s.ids().stream().anyMatch(id -> id.startsWith(want.toLowerCase(Locale.ROOT)));
            if (s.name().equalsIgnoreCase(want) || want.equals(Integer.toString(i)) || byKind || byId) {
                hits.add(s);
            }
        }
        if (hits.size() == 1) {
            return hits.get(0);
        }
        throw ambiguous(hdf, signals, (hits.isEmpty() ? "has no signal '" : "has several signals matching '")
                + want + "'");
    }

    private static InvalidInputException ambiguous(EmdHdf hdf, List<EmdSignal> signals, String what) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < signals.size(); i++) {
            EmdSignal s = signals.get(i);
            sb.append(i == 0 ? "" : "; ").append(i).append('=').append(s.name()).append(" (").append(s.description()).append(')');
        }
        return new InvalidInputException(hdf.file().location() + ": " + what + "; choices: " + sb);
    }
}
