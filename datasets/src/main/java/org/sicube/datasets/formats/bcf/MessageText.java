package org.sicube.datasets.formats.bcf;

/** Text taken from a possibly damaged file, made safe to quote in a one-line error message. */
final class MessageText {
    private static final int MAX = 60;

    private MessageText() {
    }

    /** Control characters become '?', and text longer than 60 characters is cut with "...". */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX + 3));
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > MAX ? b.append("...").toString() : b.toString();
    }

    /** A whole message (e.g. of a low-level exception) on one line. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}+", " ");
    }
}
