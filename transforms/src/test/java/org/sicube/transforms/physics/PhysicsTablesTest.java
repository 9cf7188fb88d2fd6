package org.sicube.transforms.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicsTablesTest {

    private final XrayLineTable table = XrayLineTable.get();

    /** Spot values from the source database (hyperspy/misc/elements.py). */
    @Test
    void lineEnergiesAndWeightsFromTheReference() {
        assertEquals(5.8987, table.line("Mn", "Ka").energyKeV(), 0);
        assertEquals(6.4039, table.line("Fe", "Ka").energyKeV(), 0);
        assertEquals(0.1272, table.line("Fe", "Kb").weight(), 0);
        assertEquals(2.1229, table.line("Au", "Ma").energyKeV(), 0);
        assertEquals(11.4425, table.line("Au", "Lb1").energyKeV(), 0);
        assertEquals(0.5249, table.line("O", "Ka").energyKeV(), 0);
        assertEquals(79, table.atomicNumber("Au"));
        assertEquals(8, table.atomicNumber("O"));
    }

    @Test
    void requiredElementsPresent() {
        for (String e : List.of("O", "Na", "Mg", "Al", "Si", "P", "S", "K", "Ca", "Ti", "Cr", "Mn", "Fe", "Ni",
                "Cu", "Zn", "Ga", "Nb", "Mo", "Ag", "Hf", "Ta", "W", "Pt", "Au", "C", "N", "Co", "Zr", "Sn",
                "Gd", "Ce", "Nd", "Pd")) {
            assertTrue(table.contains(e), e);
            assertTrue(table.lines(e).stream().anyMatch(l -> l.weight() > 0), e);
        }
        assertThrows(IllegalArgumentException.class, () -> table.lines("Xx"));
    }

    @Test
    void lookupByEnergyWindow() {
        List<String> labels = table.inWindow(6.3, 6.5).stream().map(XrayLine::label).toList();
        assertEquals(List.of("Fe_Ka", "Mn_Kb"), labels);
        assertEquals("Au_Ma", table.near(2.12, 0.05).get(0).label());
        assertTrue(table.inWindow(30.0, 31.0).isEmpty());
    }

    @Test
    void resolutionFollowsTheMnKaConvention() {
        DetectorResolution r = DetectorResolution.standard();
        assertEquals(130.0, r.fwhmEv(5898.7), 1e-12);
        assertEquals(Math.sqrt(130.0 * 130.0 + 2.5 * (1486.5 - 5898.7)), r.fwhmEv(1486.5), 1e-12);
        assertEquals(130.0 / 2.354820045, r.sigmaEv(5898.7), 1e-6);
        assertTrue(r.fwhmEv(0) > 0);
    }

    @Test
    void efficiencyRollsOffAtBothEnds() {
        DetectorEfficiency eff = DetectorEfficiency.standard();
        assertEquals(0.0, eff.at(0), 0);
        assertTrue(eff.at(0.1) < 1e-3, "B-range photons mostly absorbed in the window");
        assertEquals(Math.exp(-0.01 / Math.pow(0.2774, 3)), eff.at(0.2774), 1e-6);
        assertTrue(eff.at(5.0) > 0.98);
        // 20 keV in 0.45 mm Si: 1 - exp(-4.464 * 2.33 * 0.045) = 0.374.
        assertEquals(0.374, eff.at(20.0), 0.005);
        assertTrue(eff.at(30.0) < eff.at(15.0));
    }

    @Test
    void eelsEdgeTable() {
        assertEquals(708, EelsEdgeTable.edge("Fe", "L2,3").onsetEv(), 0);
        assertEquals(721, EelsEdgeTable.edge("Fe", "L2,3").secondOnsetEv(), 0);
        assertTrue(EelsEdgeTable.edge("Fe", "L2,3").whiteLines());
        assertTrue(!EelsEdgeTable.edge("C", "K").whiteLines());
        assertEquals(99.2, EelsEdgeTable.edge("Si", "L2,3").onsetEv(), 0);
        assertEquals(List.of("O_K"), EelsEdgeTable.inWindow(520, 540).stream().map(EelsEdge::label).toList());
        assertThrows(IllegalArgumentException.class, () -> EelsEdgeTable.edge("Fe", "K"));
    }
}
