package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import dev.fieldtest.core.stats.WilsonInterval;
import dev.fieldtest.history.ProductionScoresWindow;
import dev.fieldtest.history.ProductionSpansChanges;
import dev.fieldtest.history.ProductionSpansMetrics;
import dev.fieldtest.history.ProductionSpansMetrics.Row;
import dev.fieldtest.history.RunHistory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /production?feature=&window=day|week}: production metrics per feature × model × window as
 * {@code fieldtest production} computes them, a latency-p95 chart with the silent model changes marked on it, the
 * changes listed, and online pass rates with 95 % Wilson intervals where production_scores has rows.
 */
final class ProductionPage {
    static final Set<String> PARAMS = Set.of("feature", "window");

    private ProductionPage() {}

    /** What the page shows: the feature choices, the metrics report, and pass rates per suite that scored spans. */
    record Data(List<String> features, ProductionSpansMetrics.Report report, List<Scored> scores) {}

    /** A window of online pass rates and the suite whose checks scored it. */
    record Scored(String suite, ProductionScoresWindow window) {}

    static Data read(RunHistory h, String feature, ProductionSpansMetrics.Window window) {
        return new Data(h.production().features(), h.production().metrics(feature, window, null), ProductionScoring.read(h, feature, window));
    }

    static Reply render(Data d, String feature, ProductionSpansMetrics.Window window) {
        StringBuilder h = new StringBuilder("<h1>Production</h1>\n<form method=\"get\" action=\"/production\">");
        h.append(Html.select("feature", "Feature", d.features(), feature == null ? "" : feature, "every feature"));
        h.append(" <label>Window <select name=\"window\" id=\"window\">").append(Html.option("day", "day", window == ProductionSpansMetrics.Window.DAY))
                .append(Html.option("week", "ISO week", window == ProductionSpansMetrics.Window.WEEK)).append("</select></label>");
        h.append(" <button type=\"submit\" id=\"show\">Show</button></form>\n");
        List<Row> rows = d.report().rows();
        if (rows.isEmpty()) {
            h.append("<p class=\"note\" id=\"message\">No production calls").append(feature == null ? "" : " of feature " + text(feature))
                    .append(" are stored yet: fieldtest ingest FILE, or an OTLP exporter sending to POST /v1/traces on this server, stores them (docs/production.md).</p>\n");
        } else {
            h.append(ProductionChart.figure(d.report()));
            h.append(table(rows, window));
            h.append(changes(d.report().changes()));
        }
        h.append(scores(d.scores()));
        return Reply.html(200, Layout.page("production", h.toString()));
    }

    private static String table(List<Row> rows, ProductionSpansMetrics.Window window) {
        StringBuilder b = new StringBuilder("<h2>Per feature, model and ").append(window == ProductionSpansMetrics.Window.DAY ? "day" : "week")
                .append("</h2>\n<div class=\"wide\"><table id=\"production\"><thead><tr><th>feature</th><th>model</th><th>")
                .append(window == ProductionSpansMetrics.Window.DAY ? "day" : "week of")
                .append("</th><th>calls</th><th>error rate</th><th>throttle rate</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>n ok</th>"
                        + "<th>TTFT p50 ms</th><th>TTFT p95 ms</th><th>TTFT n</th><th>tokens in</th><th>tokens out</th><th>cost USD</th><th>USD/call</th><th>priced</th></tr></thead><tbody>\n");
        for (Row r : rows) {
            b.append("<tr><td>").append(text(r.feature())).append("</td><td>").append(text(r.model())).append("</td><td>").append(r.window())
                    .append("</td>").append(Html.num(r.calls())).append(Html.cell(Fmt.percent(r.errorRate()) + " (" + r.errors() + ")"))
                    .append(Html.cell(Fmt.percent(r.throttleRate()) + " (" + r.throttled() + ")")).append(Html.num(r.latencyP50())).append(Html.num(r.latencyP95()))
                    .append(Html.num(r.latencyP99())).append(Html.num(r.latencyN())).append(Html.num(r.ttftP50())).append(Html.num(r.ttftP95()))
                    .append(Html.num(r.ttftN())).append(Html.num(r.inputTokens())).append(Html.num(r.outputTokens())).append(Html.num(r.costUsd()))
                    .append(Html.num(r.costPerCall())).append(Html.num(r.pricedCalls())).append("</tr>\n");
        }
        return b.append("</tbody></table></div>\n<p class=\"note\">Error and throttle rates over all calls; latency and TTFT percentiles over successful calls "
                + "(n ok, TTFT n); cost over the priced calls only (priced).</p>\n").toString();
    }

    private static String changes(List<ProductionSpansChanges.Change> changes) {
        if (changes.isEmpty()) return "<p id=\"no-changes\">No silent model changes.</p>\n";
        StringBuilder b = new StringBuilder("<h2>Silent model changes</h2>\n<table id=\"changes\"><thead><tr><th>first seen</th><th>feature</th><th>model</th>"
                + "<th>what</th><th>from</th><th>to</th><th>span</th></tr></thead><tbody>\n");
        for (var c : changes) {
            b.append("<tr><td>").append(Fmt.time(c.at())).append("</td><td>").append(text(c.feature())).append("</td><td>").append(text(c.model()))
                    .append("</td><td>").append(text(c.kind())).append("</td><td>").append(text(c.from())).append("</td><td>").append(text(c.to()))
                    .append("</td><td>").append(text(c.traceId() + "/" + c.spanId())).append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static String scores(List<Scored> scores) {
        if (scores.isEmpty()) return "<p class=\"note\" id=\"no-scores\">No online scores stored for these spans (fieldtest score-production SUITE stores them; docs/online-scoring.md).</p>\n";
        StringBuilder b = new StringBuilder("<h2>Online pass rates</h2>\n<table id=\"scores\"><thead><tr><th>suite</th><th>feature</th><th>model</th><th>window</th>"
                + "<th>n</th><th>passed</th><th>pass rate</th><th>95% interval</th><th>failing checks</th></tr></thead><tbody>\n");
        for (Scored s : scores) {
            ProductionScoresWindow w = s.window();
            WilsonInterval ci = w.interval();
            String failing = w.failingChecks().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            b.append("<tr><td>").append(text(s.suite())).append("</td><td>").append(text(w.feature())).append("</td><td>").append(text(w.model() == null ? "(unknown)" : w.model()))
                    .append("</td><td>").append(w.start().toString(), 0, 10).append("</td>").append(Html.num(w.n())).append(Html.num(w.passed()))
                    .append(Html.cell(Fmt.percent(w.passRate()))).append(Html.cell(Fmt.percent(ci.lo()) + " – " + Fmt.percent(ci.hi())))
                    .append("<td>").append(text(failing.isEmpty() ? "–" : failing)).append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }
}
