package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import dev.fieldtest.history.MetricPoint;
import dev.fieldtest.report.HtmlLineChart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart and table of one metric series. The x axis is time since the first run's start, in minutes, hours or
 * days by the span, because report.html's axes start at zero. Runs without a start time, and negative values (the
 * y axis also starts at zero), are listed in the table only.
 */
final class MetricChart {
    private MetricChart() {}

    static String figure(String target, String metric, List<MetricPoint> series) {
        Instant first = series.stream().map(MetricPoint::startedAt).filter(t -> t != null).min(Instant::compareTo).orElse(null);
        Instant last = series.stream().map(MetricPoint::startedAt).filter(t -> t != null).max(Instant::compareTo).orElse(null);
        double spanSeconds = first == null ? 0 : Duration.between(first, last).toMillis() / 1000.0;
        String unit = spanSeconds <= 2 * 3600 ? "minutes" : spanSeconds <= 3 * 86400 ? "hours" : "days";
        double perUnit = switch (unit) {
            case "minutes" -> 60;
            case "hours" -> 3600;
            default -> 86400;
        };
        boolean rate = isRate(metric, series);
        List<HtmlLineChart.Point> points = new ArrayList<>();
        int tableOnly = 0;
        for (MetricPoint p : series) {
            if (p.startedAt() == null || p.value() < 0 || !Double.isFinite(p.value())) {
                tableOnly++;
                continue;
            }
            double x = Duration.between(first, p.startedAt()).toMillis() / 1000.0 / perUnit;
            points.add(new HtmlLineChart.Point(x, p.value(), p.runId() + ": " + Fmt.number(p.value()) + " (started " + Fmt.time(p.startedAt()) + ")"));
        }
        StringBuilder h = new StringBuilder("<figure id=\"series\"><h2>").append(text(target)).append(" · ").append(text(metric)).append("</h2>\n");
        if (!points.isEmpty()) {
            h.append(HtmlLineChart.svg("chart-series", metric + " of " + target + " per run", unit + " since " + Fmt.time(first), metric, rate, points));
        }
        h.append("<figcaption>One point per run that recorded this metric, at the run's start; hover a point for its run id and value.")
                .append(tableOnly > 0 ? " " + tableOnly + " point(s) without a start time or with a negative value are in the table only." : "")
                .append("</figcaption></figure>\n");
        h.append("<table id=\"points\"><thead><tr><th>run</th><th>started</th><th>value</th></tr></thead><tbody>\n");
        for (MetricPoint p : series) {
            h.append("<tr><td><a href=\"/runs/").append(Uris.encode(p.runId())).append("\">").append(text(p.runId())).append("</a></td><td>")
                    .append(Fmt.time(p.startedAt())).append("</td><td class=\"num\">").append(Fmt.number(p.value())).append("</td></tr>\n");
        }
        return h.append("</tbody></table>\n").toString();
    }

    /** A rate (a path segment ending in "rate", every value in 0..1) is drawn on a 0..100% axis, so small changes are not magnified. */
    static boolean isRate(String metric, List<MetricPoint> series) {
        boolean named = false;
        for (String seg : metric.split("\\.")) named |= seg.endsWith("rate");
        return named && series.stream().allMatch(p -> p.value() >= 0 && p.value() <= 1);
    }
}
