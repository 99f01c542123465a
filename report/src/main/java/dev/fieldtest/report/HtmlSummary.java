package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The header and the per-target summary table of report.html, from summary.json alone: pass rate with its
 * Wilson 95% interval (as text and as an interval bar), pass@k and pass^k at k = repeat, latency percentiles,
 * cost per success, errors and throttling. Numbers read as in report.md ({@link Figures}); strings are escaped.
 */
final class HtmlSummary {
    private HtmlSummary() {}

    static String header(JsonNode s) {
        JsonNode suite = s.path("provenance").path("suite");
        StringBuilder h = new StringBuilder("<header>\n<h1>fieldtest: ").append(HtmlEscape.text(suite.path("name").asText("(unnamed suite)"))).append("</h1>\n");
        h.append("<p class=\"notice\">").append(HtmlEscape.text(s.path("notice").asText())).append("</p>\n<p class=\"meta\">");
        h.append("Run <code id=\"run-id\">").append(HtmlEscape.text(s.path("run_id").asText())).append("</code> · <span id=\"run-status\" class=\"status-")
                .append(HtmlEscape.text(s.path("status").asText())).append("\">").append(HtmlEscape.text(s.path("status").asText())).append("</span>");
        h.append(String.format(Locale.ROOT, " · %d of %d calls · repeat %d · %.1f s", s.path("completed_calls").asLong(), s.path("planned_calls").asLong(),
                s.path("repeat").asInt(), s.path("wall_ms").asLong() / 1000.0));
        if (s.hasNonNull("started_at")) h.append(" · started ").append(HtmlEscape.text(s.path("started_at").asText()));
        JsonNode version = s.path("provenance").path("fieldtest_version");
        if (!version.isMissingNode()) h.append(" · fieldtest ").append(HtmlEscape.text(version.asText()));
        h.append("</p>\n");
        if (s.hasNonNull("abort_reason")) h.append("<p class=\"aborted\"><strong>Aborted:</strong> ").append(HtmlEscape.text(s.path("abort_reason").asText())).append("</p>\n");
        if (s.path("partial").isObject()) h.append("<p class=\"partial\" id=\"partial\"><strong>Partial:</strong> ").append(HtmlEscape.text(s.path("partial").path("reason").asText()))
                .append(String.format(Locale.ROOT, "; %d of %d planned calls made.</p>\n", s.path("partial").path("completed").asInt(), s.path("partial").path("planned").asInt()));
        String cached = CachedCalls.note(s.path("targets"), HtmlEscape::text);
        if (!cached.isEmpty()) h.append("<p class=\"cached\" id=\"cached\">").append(cached).append("</p>\n");
        return h.append("</header>\n").toString();
    }

    static String targets(JsonNode s) {
        String k = String.valueOf(s.path("repeat").asInt(1));
        StringBuilder t = new StringBuilder("<section id=\"summary\"><h2>Summary per target</h2>\n<table id=\"summary-table\">\n<thead><tr><th>target</th><th>calls</th>"
                + "<th>pass rate (95% CI)</th><th>interval</th><th>pass@" + k + "</th><th>pass^" + k + "</th><th>latency p50 / p95 / p99</th>"
                + "<th>cost per success</th><th>errors</th><th>throttled</th><th>worst slice</th></tr></thead>\n<tbody>\n");
        s.path("targets").fields().forEachRemaining(e -> t.append(row(e.getKey(), e.getValue(), k)));
        return t.append("</tbody></table>\n<p class=\"note\">Pass rate counts every call, failed calls included; the bar spans the Wilson 95% "
                + "interval on a 0–100% scale, the dot is the rate. pass@k: at least one of k runs of a case passes; pass^k: all k pass. "
                + "Cost per success: all calls' cost ÷ passing calls.</p></section>\n").toString();
    }

    private static String row(String id, JsonNode t, String k) {
        JsonNode pr = t.path("pass_rate"), lat = t.path("latency_ms"), worst = t.path("worst_slice");
        String cost = Figures.usd(t.path("cost_usd").path("per_success"), null);
        return "<tr data-target=\"" + HtmlEscape.text(id) + "\"><th scope=\"row\">" + HtmlEscape.text(id) + "</th>"
                + "<td class=\"num\">" + t.path("calls").asLong() + "</td>"
                + "<td class=\"num pass-rate\">" + Figures.percent(pr.path("value"), "–") + " (" + Figures.percent(pr.path("ci95").path(0), "–") + "–"
                + Figures.percent(pr.path("ci95").path(1), "–") + ")</td>"
                + "<td>" + intervalBar(pr) + "</td>"
                + "<td class=\"num\">" + Figures.percent(t.path("pass_at_k").path(k), "–") + "</td>"
                + "<td class=\"num\">" + Figures.percent(t.path("pass_all_k").path(k), "–") + "</td>"
                + "<td class=\"num\">" + Figures.millis(lat.path("p50"), "–") + " / " + Figures.millis(lat.path("p95"), "–") + " / "
                + Figures.millis(lat.path("p99"), "–") + " ms</td>"
                + "<td class=\"num\">" + (cost == null ? "–" : "$" + cost) + "</td>"
                + "<td class=\"num\">" + t.path("errors").asLong() + "</td>"
                + "<td class=\"num\">" + t.path("throttled").asLong() + "</td>"
                + "<td>" + (worst.isObject() ? HtmlEscape.text(worst.path("name").asText()) + " " + Figures.percent(worst.path("pass_rate"), "–")
                        + " (n=" + worst.path("n").asLong() + ")" : "–") + "</td></tr>\n";
    }

    /** The interval [lo, hi] as a bar on a 0–100% scale 140 px wide, the rate as a dot; empty when not measured. */
    static String intervalBar(JsonNode passRate) {
        JsonNode lo = passRate.path("ci95").path(0), hi = passRate.path("ci95").path(1), v = passRate.path("value");
        if (!lo.isNumber() || !hi.isNumber() || !v.isNumber()) return "–";
        double w = 140;
        return String.format(Locale.ROOT, "<svg class=\"interval\" width=\"150\" height=\"16\" viewBox=\"0 0 150 16\" role=\"img\" aria-label=\"%s\">"
                + "<line x1=\"5\" y1=\"8\" x2=\"145\" y2=\"8\" stroke=\"#ddd\" stroke-width=\"2\"/>"
                + "<rect class=\"ci\" x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"8\" fill=\"#9ecae1\"/>"
                + "<circle cx=\"%.1f\" cy=\"8\" r=\"3.5\" fill=\"#08519c\"/></svg>",
                HtmlEscape.text("95% interval " + Figures.percent(lo, "") + " to " + Figures.percent(hi, "")),
                5 + w * lo.asDouble(), Math.max(1, w * (hi.asDouble() - lo.asDouble())), 5 + w * v.asDouble());
    }
}
