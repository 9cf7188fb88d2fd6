package org.sicube.datasets.formats.emd;

import org.sicube.datasets.io.InvalidInputException;

/**
 * The frames of a multi-frame spectrum stream to sum, 0-based and inclusive: the {@code frames}
 * reader option is a single frame ("3") or a range ("0-9"); without it all frames are summed.
 */
record FrameRange(int first, int last) {

    static FrameRange parse(String option, int frames, String file) {
        if (option == null || option.isBlank()) {
            return new FrameRange(0, frames - 1);
        }
        String s = option.trim();
        int dash = s.indexOf('-', 1);
        int first;
        int last;
        try {
            first = Integer.parseInt(dash < 0 ? s : s.substring(0, dash).trim());
            last = dash < 0 ? first : Integer.parseInt(s.substring(dash + 1).trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": reader option frames='" + option
                    + "' must be a frame number or a range such as 0-9");
        }
        if (first < 0 || last < first || last >= frames) {
            throw new InvalidInputException(file + ": reader option frames='" + option + "' is outside the "
                    + frames + " frames of the stream (valid: 0-" + (frames - 1) + ")");
        }
        return new FrameRange(first, last);
    }
}
