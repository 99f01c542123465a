package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import dev.fieldtest.history.MetricPoint;
import dev.fieldtest.history.RunHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code /metrics?target=T&metric=M}: one target metric across runs. Select lists offer every target and, for the
 * chosen target, every metric path the history holds; the chart has one point per run that recorded the metric
 * (x = run start, y = value) and the table lists the same points.
 */
final class MetricsPage {
    static final Set<String> PARAMS = Set.of("target", "metric");

    private MetricsPage() {}

    /** The select lists' choices and the chosen series (empty unless both are chosen). */
    record Choices(SortedSet<String> targets, SortedSet<String> metrics, List<MetricPoint> series) {}

    static Choices read(RunHistory h, String target, String metric) {
        SortedSet<String> targets = new TreeSet<>(h.targets());
        SortedSet<String> metrics = new TreeSet<>(targets.contains(target) ? h.metricPaths(target) : List.of());
        return new Choices(targets, metrics, target.isEmpty() || metric.isEmpty() ? List.of() : h.metricSeries(target, metric));
    }

    /** Checks the parameters before the history is read: a metric needs its target. */
    static void validate(Map<String, String> q) {
        if (!q.getOrDefault("metric", "").isEmpty() && q.getOrDefault("target", "").isEmpty()) {
            throw HttpProblem.badRequest("metric=" + q.get("metric") + " needs target=; choose a target first (metric paths are per target)");
        }
    }

    static Reply render(Choices c, String target, String metric) {
        StringBuilder h = new StringBuilder("<h1>Metrics over time</h1>\n<form method=\"get\" action=\"/metrics\">");
        h.append(select("target", "Target", c.targets(), target)).append(' ');
        h.append(select("metric", "Metric", c.metrics(), metric)).append(" <button type=\"submit\" id=\"show\">Show</button></form>\n");
        int status = 200;
        if (!target.isEmpty() && !c.targets().contains(target)) {
            status = 404;
            h.append("<p class=\"error\" id=\"message\">No recorded run has a target named ").append(text(target)).append("; choose one from the list.</p>\n");
        } else if (target.isEmpty() || metric.isEmpty()) {
            h.append("<p class=\"note\" id=\"message\">Choose a target").append(target.isEmpty() ? "" : " metric").append(" and press Show.</p>\n");
        } else if (c.series().isEmpty()) {
            status = 404;
            h.append("<p class=\"error\" id=\"message\">No recorded run of target ").append(text(target)).append(" has metric ").append(text(metric))
                    .append("; choose one from the list.</p>\n");
        } else {
            h.append(MetricChart.figure(target, metric, c.series()));
        }
        return Reply.html(status, Layout.page("metrics", h.toString()));
    }

    private static String select(String name, String label, SortedSet<String> values, String chosen) {
        List<String> all = new ArrayList<>(values);
        StringBuilder s = new StringBuilder("<label>").append(label).append(" <select name=\"").append(name).append("\" id=\"").append(name).append("\">");
        s.append("<option value=\"\">choose…</option>");
        for (String v : all) s.append("<option value=\"").append(text(v)).append("\"").append(v.equals(chosen) ? " selected" : "").append(">").append(text(v)).append("</option>");
        return s.append("</select></label>").toString();
    }
}
