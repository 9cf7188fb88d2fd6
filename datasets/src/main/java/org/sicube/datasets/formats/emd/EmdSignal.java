package org.sicube.datasets.formats.emd;

import java.util.List;

/**
 * One spectrum image a Velox file holds: the EDS spectrum stream (all detector streams under
 * {@code /Data/SpectrumStream}, one group each) or one EELS spectrum image
 * ({@code /Data/EelsSpectrumImage/<id>}). {@code name} is what the {@code signal} reader option
 * matches: "EDS", or for EELS "EELSLL" (a range that includes 0 eV, i.e. low loss) or "EELS"
 * followed by the range's start in whole eV ("EELS480").
 */
record EmdSignal(Kind kind, String name, List<String> groups, String description) {

    enum Kind { EDS_STREAM, EELS_CUBE }

    EmdSignal {
        groups = List.copyOf(groups);
    }

    /** The last path component of each group (Velox's hex identifiers). */
    List<String> ids() {
        return groups.stream().map(g -> g.substring(g.lastIndexOf('/') + 1)).toList();
    }
}
