package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * report.html of a load run, from load.json alone: the run's line and notice, the load chart, and per target a
 * table of every step with its collapse and highest sustained rate. Same head, style and policy as the run
 * report's page; no script. Every string from load.json is escaped.
 */
final class HtmlLoadPage {
    private HtmlLoadPage() {}

    static String render(JsonNode load) {
        String suite = load.path("suite").path("name").asText("(unnamed suite)");
        StringBuilder h = new StringBuilder(HtmlReporter.head(suite, load.path("run_id").asText()));
        h.append("<header>\n<h1>fieldtest load: ").append(HtmlEscape.text(suite)).append("</h1>\n<p>Run ")
                .append(HtmlEscape.text(load.path("run_id").asText())).append(" · profile ").append(HtmlEscape.text(load.path("profile").asText()))
                .append(" · ").append(HtmlEscape.text(load.path("status").asText())).append("</p>\n");
        if (load.hasNonNull("abort_reason")) h.append("<p><strong>Aborted:</strong> ").append(HtmlEscape.text(load.path("abort_reason").asText())).append("</p>\n");
        h.append("<p class=\"note\">").append(HtmlEscape.text(load.path("notice").asText())).append("</p>\n</header>\n");
        for (JsonNode t : load.path("targets")) h.append(target(t));
        h.append(HtmlReporter.loadSection(load));
        return h.append("<footer class=\"note\">Every figure: load.json · every request: requests.jsonl.</footer>\n</body></html>\n").toString();
    }

    private static String target(JsonNode t) {
        StringBuilder h = new StringBuilder("<section><h2>").append(HtmlEscape.text(t.path("target").asText())).append("</h2>\n<p>Highest sustained rate: ")
                .append(t.hasNonNull("max_sustained_rps") ? num(t.path("max_sustained_rps")) + " req/s" : "none (no step met every SLO)");
        JsonNode c = t.path("collapse");
        if (c.isObject()) h.append(" · collapse at step ").append(num(c.path("index"))).append(": ").append(HtmlEscape.text(c.path("reason").asText()));
        h.append("</p>\n<table><thead><tr><th>step</th><th>offered</th><th>users</th><th>achieved req/s</th><th>share</th><th>errors</th>")
                .append("<th>429s</th><th>goodput</th><th>corrected p50 / p99 ms</th><th>service p50 / p99 ms</th><th>late sends</th><th>valid</th></tr></thead><tbody>\n");
        for (JsonNode s : t.path("steps")) {
            JsonNode lat = s.path("latency_ms");
            h.append("<tr><td>").append(num(s.path("index"))).append("</td><td>").append(num(s.path("offered_rps"))).append("</td><td>")
                    .append(num(s.path("concurrency"))).append("</td><td>").append(num(s.path("achieved_rps"))).append("</td><td>")
                    .append(num(s.path("achieved_share"))).append("</td><td>").append(num(s.path("error_rate"))).append("</td><td>")
                    .append(num(s.path("throttled_429"))).append("</td><td>").append(num(s.path("goodput").path("share"))).append("</td><td>")
                    .append(pair(lat.path("corrected"))).append("</td><td>").append(pair(lat.path("service"))).append("</td><td>")
                    .append(num(s.path("late_send_share"))).append("</td><td>")
                    .append(s.path("valid").asBoolean() ? "yes" : "no: " + HtmlEscape.text(s.path("invalid_reason").asText())).append("</td></tr>\n");
        }
        return h.append("</tbody></table></section>\n").toString();
    }

    private static String pair(JsonNode percentiles) {
        return num(percentiles.path("p50")) + " / " + num(percentiles.path("p99"));
    }

    /** A number as load.json has it, or a dash when absent or null; text is escaped, never trusted as a number. */
    private static String num(JsonNode n) {
        return n.isNumber() ? HtmlEscape.text(n.asText()) : "—";
    }
}
