package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fallback part of report.md and report.html: one row per target with a fallback chain (summary.json
 * {@code targets.<id>.fallback}, docs/summary-json.md), empty when no target has one. Target ids are escaped for
 * the medium by the caller's function; the figures are numbers from the summary.
 */
final class FallbackSection {
    private static final String[] HEAD = {"target", "primary failures", "recovered (95% CI)", "added latency p50 / p95",
        "cost of fallback", "pass rate, primary answered", "pass rate, fallback answered"};
    private static final String NOTE = "A primary failure is a call the primary could not answer after its own retries; recovered means a "
            + "fallback then answered. Added latency is what the failed hops cost the recovered calls in wall time; the cost is what "
            + "every hop after the primary billed, already included in the target's cost per success.";

    private FallbackSection() {}

    static String markdown(JsonNode targets) {
        List<String[]> rows = rows(targets, id -> Markdown.inline(id, 40));
        if (rows.isEmpty()) return "";
        StringBuilder md = new StringBuilder("\n## Fallback\n\n| ").append(String.join(" | ", HEAD)).append(" |\n|---|---:|---|---|---:|---|---|\n");
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return md.append('\n').append(NOTE).append('\n').toString();
    }

    static String html(JsonNode summary) {
        List<String[]> rows = rows(summary.path("targets"), HtmlEscape::text);
        if (rows.isEmpty()) return "";
        StringBuilder h = new StringBuilder("<section id=\"fallback\"><h2>Fallback</h2>\n<table id=\"fallback-table\">\n<thead><tr>");
        for (String c : HEAD) h.append("<th>").append(c).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        for (String[] r : rows) {
            h.append("<tr><td>").append(r[0]).append("</td>");
            for (int i = 1; i < r.length; i++) h.append("<td class=\"num\">").append(HtmlEscape.text(r[i])).append("</td>");
            h.append("</tr>\n");
        }
        return h.append("</tbody></table><p class=\"note\">From summary.json <code>fallback</code>. ").append(NOTE).append("</p></section>\n").toString();
    }

    private static List<String[]> rows(JsonNode targets, java.util.function.UnaryOperator<String> name) {
        List<String[]> out = new ArrayList<>();
        targets.fields().forEachRemaining(e -> {
            JsonNode f = e.getValue().path("fallback");
            if (!f.isObject()) return;
            JsonNode rec = f.path("recovery_rate"), lat = f.path("added_latency_ms");
            String usd = Figures.usd(f.path("cost_usd_of_fallback"), null);
            out.add(new String[] {name.apply(e.getKey()), f.path("primary_failures").asText(),
                f.path("recovered").asLong() + " · " + rate(rec),
                Figures.millis(lat.path("p50"), "–") + " / " + Figures.millis(lat.path("p95"), "–") + " ms",
                usd == null ? "–" : "$" + usd,
                rate(f.path("pass_rate_when_primary_answered")), rate(f.path("pass_rate_when_fallback_answered"))});
        });
        return out;
    }

    /** "75.0% (30.1%–95.4%, n=4)", or a dash with the n when there is no value. */
    private static String rate(JsonNode r) {
        return Figures.percent(r.path("value"), "–") + " (" + Figures.percent(r.path("ci95").path(0), "–") + "–"
                + Figures.percent(r.path("ci95").path(1), "–") + ", n=" + r.path("n").asLong() + ")";
    }
}
