package org.sicube.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: a run directory as one page a person opens in a browser — every picture
 * the run wrote, with its caption, the tables it wrote linked, and the manifest's numbers (inputs,
 * counts, stage timings, configuration and criteria). Self-contained: no scripts, no network.
 */
final class ReportHtml {
    static final String FILE_NAME = "report.html";
    private static final String STYLE = "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:left;vertical-align:top}figure{margin:1.5em 0}img{max-width:100%;border:1px solid #ddd}"
            + "figcaption{color:#555;font-size:90%}code{background:#f4f4f4}";

    private ReportHtml() {
    }

    static String render(JsonNode manifest) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        String title = "sicube " + manifest.path("job").asText();
        h.append("<title>").append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p>").append(esc(manifest.path("started").asText())).append(" – ")
                .append(esc(manifest.path("finished").asText())).append("</p>");

        h.append("<h2>Inputs</h2><table><tr><th>role</th><th>location</th><th>SHA-256</th></tr>");
        for (JsonNode i : manifest.path("inputs")) {
            h.append("<tr><td>").append(esc(i.path("role").asText())).append("</td><td><code>")
                    .append(esc(i.path("location").asText())).append("</code></td><td><code>")
                    .append(esc(i.path("sha256").asText())).append("</code></td></tr>");
        }
        h.append("</table>");
        h.append("<h2>Counts</h2>").append(table(manifest.path("counts")));

        h.append("<h2>Results</h2>");
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (JsonNode s : manifest.path("sections")) {
            s.path("figures").forEach(f -> shown.add(f.path("file").asText()));
        }
        StringBuilder files = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String what = e.getValue().asText();
            if (name.toLowerCase(Locale.ROOT).endsWith(".png")) {
                if (shown.contains(name)) {
                    continue;
                }
                h.append("<figure><img src=\"").append(esc(name)).append("\" alt=\"").append(esc(what))
                        .append("\"><figcaption><code>").append(esc(name)).append("</code>: ").append(esc(what))
                        .append("</figcaption></figure>");
            } else {
                files.append("<tr><td><a href=\"").append(esc(name)).append("\">").append(esc(name))
                        .append("</a></td><td>").append(esc(what)).append("</td></tr>");
            }
        }
        for (JsonNode s : manifest.path("sections")) {
            h.append(section(s));
        }
        if (files.length() > 0) {
            h.append("<h2>Files</h2><table><tr><th>file</th><th>what it holds</th></tr>").append(files).append("</table>");
        }

        h.append("<h2>Stages</h2><table><tr><th>stage</th><th>seconds</th></tr>");
        for (JsonNode s : manifest.path("stages")) {
            h.append("<tr><td>").append(esc(s.path("name").asText())).append("</td><td>")
                    .append(esc(s.path("seconds").asText())).append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h2>Configuration and criteria</h2>").append(table(manifest.path("config")));
        h.append("<h2>Versions</h2>").append(table(manifest.path("versions")));
        h.append("<p>Everything above is also in <a href=\"manifest.json\">manifest.json</a>.</p></body></html>\n");
        return h.toString();
    }

    /** A section of the run: heading, paragraphs, a table, then its figures. */
    private static String section(JsonNode s) {
        StringBuilder h = new StringBuilder("<h2>").append(esc(s.path("title").asText())).append("</h2>");
        for (JsonNode p : s.path("text")) {
            h.append("<p>").append(esc(p.asText())).append("</p>");
        }
        JsonNode table = s.path("table");
        if (table.path("rows").size() > 0) {
            h.append("<table><tr>");
            table.path("columns").forEach(c -> h.append("<th>").append(esc(c.asText())).append("</th>"));
            h.append("</tr>");
            for (JsonNode row : table.path("rows")) {
                h.append("<tr>");
                row.forEach(c -> h.append("<td>").append(esc(text(c))).append("</td>"));
                h.append("</tr>");
            }
            h.append("</table>");
        }
        for (JsonNode f : s.path("figures")) {
            h.append("<figure><img src=\"").append(esc(f.path("file").asText())).append("\" alt=\"")
                    .append(esc(f.path("caption").asText())).append("\"><figcaption><code>")
                    .append(esc(f.path("file").asText())).append("</code>: ").append(esc(f.path("caption").asText()))
                    .append("</figcaption></figure>");
        }
        return h.toString();
    }

    /** A two-column table of an object's fields; nested values are shown as compact JSON. */
    private static String table(JsonNode object) {
        StringBuilder t = new StringBuilder("<table>");
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            t.append("<tr><th>").append(esc(e.getKey())).append("</th><td>")
                    .append(esc(text(v))).append("</td></tr>");
        }
        return t.append("</table>").toString();
    }

    /** Whole numbers as integers (counts), other values as JSON would show them. */
    private static String text(JsonNode v) {
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            return Long.toString((long) v.asDouble());
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
