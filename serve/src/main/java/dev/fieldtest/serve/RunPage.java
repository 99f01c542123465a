package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.RunKind;
import dev.fieldtest.history.RunSummary;
import dev.fieldtest.history.TargetMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code /runs/{id}}: the run's own report.html, read from the run directory the history recorded for that id (the
 * id is only a key: nothing from the URL reaches a file path), or, when that file is missing, a page built from the
 * recorded summary and metrics.
 */
final class RunPage {
    /**
     * report.html brings its own CSP (scripts and style by hash) in a meta element; this header, enforced together
     * with it, forbids every fetch and leaves the inline code to the report's own policy.
     */
    static final String REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunPage() {}

    /** What the history knows of one run, read in one visit to the database. */
    record Recorded(RunSummary run, String summaryJson, List<TargetMetric> metrics) {}

    static Reply render(Recorded r) {
        Path report = r.run().runDir() == null ? null : Path.of(r.run().runDir()).resolve("report.html");
        if (report != null && Files.isRegularFile(report)) {
            try {
                return new Reply(200, "text/html; charset=utf-8", Files.readAllBytes(report), REPORT_CSP);
            } catch (IOException e) {
                return fallback(r, report + " exists but cannot be read (" + e.getMessage() + ")");
            }
        }
        return fallback(r, "report.html is missing" + (report == null ? "" : " at " + report)
                + ": it was moved or deleted, or the fieldtest that wrote this run wrote none. This page is built from what the history recorded.");
    }

    private static Reply fallback(Recorded r, String note) {
        RunSummary run = r.run();
        StringBuilder h = new StringBuilder("<h1>Run <span id=\"run-id\">").append(text(run.runId())).append("</span></h1>\n");
        h.append("<p class=\"note\" id=\"missing\">").append(text(note)).append("</p>\n<table id=\"facts\"><tbody>\n");
        row(h, "kind", run.kind().wireName());
        row(h, "suite", run.suite());
        row(h, "status", run.status());
        row(h, "started", Fmt.time(run.startedAt()));
        row(h, "finished", Fmt.time(run.finishedAt()));
        row(h, "run directory", run.runDir());
        row(h, "fieldtest version", run.fieldtestVersion());
        row(h, "calls recorded", Long.toString(run.calls()));
        h.append("</tbody></table>\n<h2>Targets</h2>\n<ul id=\"headlines\">");
        run.headline().forEach((t, head) -> h.append("<li><span class=\"target\">").append(text(t)).append("</span>: ").append(text(Fmt.headline(run.kind(), head))).append("</li>"));
        h.append("</ul>\n<h2>Metrics</h2>\n<table id=\"metrics\"><thead><tr><th>target</th><th>metric</th><th>value</th></tr></thead><tbody>\n");
        for (TargetMetric m : r.metrics()) {
            h.append("<tr><td>").append(text(m.target())).append("</td><td><a href=\"/metrics?target=").append(Uris.encode(m.target())).append("&amp;metric=")
                    .append(Uris.encode(m.metric())).append("\">").append(text(m.metric())).append("</a></td><td class=\"num\">").append(Fmt.number(m.value())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<details><summary>").append(run.kind() == RunKind.LOAD ? "load.json" : "summary.json")
                .append(" as recorded</summary><pre id=\"summary-json\">").append(text(pretty(r.summaryJson()))).append("</pre></details>\n");
        return Reply.html(200, Layout.page("run " + run.runId(), h.toString()));
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(name).append("</th><td class=\"").append(name.replace(' ', '-')).append("\">").append(text(value == null ? "–" : value)).append("</td></tr>\n");
    }

    private static String pretty(String json) {
        if (json == null) return "";
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }
}
