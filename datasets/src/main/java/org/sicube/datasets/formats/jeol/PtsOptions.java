package org.sicube.datasets.formats.jeol;

import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Reader options of the JEOL {@code .pts} reader: {@code frames} (a frame number or an inclusive
 * range {@code a-b}, 0-based; default all complete frames), {@code bin} (pixels summed per output
 * pixel along x and y, a divisor of the scan size), {@code ebin} (channels summed, a divisor of
 * 4096) and {@code channels} (output channels kept after energy binning; default 4096 / ebin).
 */
record PtsOptions(String frames, int bin, int ebin, int channels) {
    static final Set<String> KEYS = Set.of("frames", "bin", "ebin", "channels");

    static PtsOptions of(ReaderOptions o, PtsHeader h, String file) {
        int bin = o.getInt("bin", 1);
        if (bin < 1 || h.width() % bin != 0 || h.height() % bin != 0) {
            throw new InvalidInputException(file + ": reader option bin=" + bin + " must divide the scan size "
                    + h.width() + "x" + h.height());
        }
        int ebin = o.getInt("ebin", 1);
        if (ebin < 1 || PtsHeader.rawChannels() % ebin != 0) {
            throw new InvalidInputException(file + ": reader option ebin=" + ebin + " must divide "
                    + PtsHeader.rawChannels() + " channels");
        }
        int max = PtsHeader.rawChannels() / ebin;
        int channels = o.getInt("channels", max);
        if (channels < 1 || channels > max) {
            throw new InvalidInputException(file + ": reader option channels=" + channels + " must be from 1 to " + max
                    + " (4096 / ebin)");
        }
        return new PtsOptions(o.get("frames", ""), bin, ebin, channels);
    }

    /** The first and last frame to sum, checked against the frames the stream holds. */
    int[] frameRange(int frameCount, int complete, String file) {
        if (frames.isBlank()) {
            return new int[] {0, Math.max(complete, 1) - 1};
        }
        int[] r;
        try {
            int dash = frames.indexOf('-');
            r = dash < 0 ? new int[] {Integer.parseInt(frames.trim()), Integer.parseInt(frames.trim())}
                    : new int[] {Integer.parseInt(frames.substring(0, dash).trim()),
                        Integer.parseInt(frames.substring(dash + 1).trim())};
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": reader option frames='" + frames
                    + "' must be a frame number or a range like 0-9");
        }
        if (r[0] < 0 || r[1] < r[0] || r[1] >= frameCount) {
            throw new InvalidInputException(file + ": reader option frames=" + frames + " is outside the "
                    + frameCount + " frames of the event stream (0-" + (frameCount - 1) + ")");
        }
        return r;
    }
}
