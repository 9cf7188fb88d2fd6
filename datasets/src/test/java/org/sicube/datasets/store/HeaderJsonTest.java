package org.sicube.datasets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

class HeaderJsonTest {

    @Test
    void roundTripKeepsEveryField() throws Exception {
        SpectrumImage h = new SpectrumImage(75, 100, new EnergyAxis(-0.472397, 0.010001, "keV", 2048), 8.737, "µm",
                "EDS_SEM", 20, Double.NaN, 1.088, List.of("Fe", "O"), "XFlash 6|10", "/data/P45.bcf", "bcf",
                "ab12", "uint8", 165941);
        String json = HeaderJson.write(h, 32, 16);
        var tree = new ObjectMapper().readTree(json);
        // The documented minimum any Parquet user can rely on.
        assertEquals(75, tree.get("ny").asInt());
        assertEquals(100, tree.get("nx").asInt());
        assertEquals(2048, tree.get("channels").asInt());
        assertEquals("keV", tree.get("energy").get("units").asText());
        assertEquals(165941, tree.get("totalCounts").asDouble());
        assertTrue(tree.get("liveTimeS").isNull());
        HeaderJson.Parsed back = HeaderJson.read(json, "header.json");
        assertEquals(h, back.header().withTotalCounts(165941)); // NaN fields compare equal in records via Double.compare
        assertEquals(32, back.blockHeight());
        assertEquals(16, back.blockWidth());
    }

    @Test
    void missingKeyIsNamed() {
        var e = assertThrows(InvalidInputException.class,
                () -> HeaderJson.read("{\"ny\": 3, \"channels\": 4, \"energy\": {\"offset\": 0, \"scale\": 1}}", "s/header.json"));
        assertTrue(e.getMessage().contains("s/header.json") && e.getMessage().contains("'nx'"), e.getMessage());
    }
}
