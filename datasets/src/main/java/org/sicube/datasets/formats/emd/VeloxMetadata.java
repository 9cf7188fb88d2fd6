package org.sicube.datasets.formats.emd;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a Velox {@code Metadata} JSON document a spectrum image needs: beam energy
 * ({@code Optics/AccelerationVoltage}, V → keV), pixel size ({@code BinaryResult/PixelSize},
 * metres → nm), the binary result's detector name, the analytical detectors' calibrations
 * ({@code Detectors/Detector-n/Dispersion} and {@code OffsetEnergy} in eV, {@code LiveTime},
 * {@code RealTime} in s), the scanned area ({@code Scan/ScanSize} × {@code Scan/ScanArea}) and
 * the acquisition start ({@code Acquisition/AcquisitionStartDatetime/DateTime}, Unix seconds).
 */
record VeloxMetadata(JsonNode root, String path) {

    /** One analytical (EDS) detector's calibration and times; NaN where the file has none. */
    record Detector(String name, double dispersionEv, double offsetEv, double liveTimeS, double realTimeS) {
    }

    double beamEnergyKeV() {
        return VeloxJson.number(root, "Optics/AccelerationVoltage") / 1000.0;
    }

    /** Pixel width in nm when the file gives metres, else in the file's own unit; NaN when absent. */
    double pixelSize() {
        double w = VeloxJson.number(root, "BinaryResult/PixelSize/width");
        return "m".equals(pixelUnitRaw()) ? w * 1e9 : w;
    }

    String pixelUnits() {
        String u = pixelUnitRaw();
        return "m".equals(u) ? "nm" : u;
    }

    private String pixelUnitRaw() {
        return VeloxJson.text(root, "BinaryResult/PixelUnitX").trim();
    }

    String binaryResultDetector() {
        return VeloxJson.text(root, "BinaryResult/Detector").trim();
    }

    Optional<Instant> acquisitionStart() {
        double t = VeloxJson.number(root, "Acquisition/AcquisitionStartDatetime/DateTime");
        return Double.isFinite(t) && t > 0 ? Optional.of(Instant.ofEpochSecond((long) t)) : Optional.empty();
    }

    /**
     * The calibrated analytical detectors whose name starts with {@code prefix} (Velox names the
     * summed SuperX stream "SuperXG2" and its quadrants "SuperXG21".."SuperXG24").
     */
    List<Detector> detectorsNamed(String prefix) {
        List<Detector> out = new ArrayList<>();
        JsonNode dets = VeloxJson.at(root, "Detectors");
        for (Iterator<Map.Entry<String, JsonNode>> it = dets.fields(); it.hasNext(); ) {
            JsonNode d = it.next().getValue();
            String name = VeloxJson.text(d, "DetectorName").trim();
            double dispersion = VeloxJson.number(d, "Dispersion");
            if (!prefix.isEmpty() && name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))
                    && Double.isFinite(dispersion)) {
                out.add(new Detector(name, dispersion, VeloxJson.number(d, "OffsetEnergy"),
                        VeloxJson.number(d, "LiveTime"), VeloxJson.number(d, "RealTime")));
            }
        }
        return out;
    }

    /**
     * The scanned region in pixels {@code {ny, nx}}: the full scan size times the fractional scan
     * area, or null when the document has no scan description.
     */
    int[] scanShape() {
        double w = VeloxJson.number(root, "Scan/ScanSize/width");
        double h = VeloxJson.number(root, "Scan/ScanSize/height");
        double left = VeloxJson.number(root, "Scan/ScanArea/left");
        double right = VeloxJson.number(root, "Scan/ScanArea/right");
        double top = VeloxJson.number(root, "Scan/ScanArea/top");
        double bottom = VeloxJson.number(root, "Scan/ScanArea/bottom");
        double nx = Math.rint(w * (right - left));
        double ny = Math.rint(h * (bottom - top));
        if (!Double.isFinite(nx) || !Double.isFinite(ny)) {
            return null;
        }
        return new int[] {(int) Math.max(Math.min(ny, Integer.MAX_VALUE), Integer.MIN_VALUE),
                (int) Math.max(Math.min(nx, Integer.MAX_VALUE), Integer.MIN_VALUE)};
    }
}
