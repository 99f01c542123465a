package dev.fieldtest.serve;



import dev.fieldtest.history.ProductionSpansChanges;
import dev.fieldtest.history.ProductionSpansMetrics;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The production page's chart: latency p95 (ms, over successful calls) per feature · model at the start of each window,
 * x in days since the first window's start, with every silent model change as a dashed vertical line at the instant
 * it was first seen.
 */
final class ProductionChart {
    private ProductionChart() {}

    static String figure(ProductionSpansMetrics.Report r) {
        LocalDate first = r.rows().stream().map(ProductionSpansMetrics.Row::window).min(LocalDate::compareTo).orElseThrow();
        Map<String, List<SeriesChart.Point>> bySeries = new LinkedHashMap<>();
        int without = 0;
        for (var row : r.rows()) {
            if (row.latencyP95() == null) {
                without++;
                continue;
            }
            double x = row.window().toEpochDay() - first.toEpochDay();
            bySeries.computeIfAbsent(row.feature() + " · " + row.model(), k -> new ArrayList<>()).add(new SeriesChart.Point(x, row.latencyP95(),
                    row.feature() + " · " + row.model() + ", " + row.window() + ": p95 " + Fmt.number(row.latencyP95()) + " ms (n=" + row.latencyN() + ")"));
        }
        List<SeriesChart.Series> series = new ArrayList<>();
        bySeries.forEach((name, pts) -> series.add(new SeriesChart.Series(name, pts, true)));
        List<SeriesChart.Mark> marks = new ArrayList<>();
        for (ProductionSpansChanges.Change c : r.changes()) {
            double x = Duration.between(first.atStartOfDay(ZoneOffset.UTC).toInstant(), c.at()).toMillis() / 86_400_000.0;
            marks.add(new SeriesChart.Mark(x, c.feature() + ": " + c.kind() + " of " + c.model() + " " + c.from() + " → " + c.to() + " at " + Fmt.time(c.at())));
        }
        StringBuilder h = new StringBuilder("<figure id=\"latency\"><h2>Latency p95 over time</h2>\n");
        h.append(SeriesChart.svg("chart-latency", "latency p95 per feature and model", "days since " + first, "latency p95 (ms)", series, null, marks));
        h.append(SeriesChart.legend(series));
        h.append("<figcaption>One point per feature · model and ").append(r.window() == ProductionSpansMetrics.Window.DAY ? "day" : "ISO week")
                .append(", at the window's start; dashed red lines mark silent model changes (hover for what changed).")
                .append(without > 0 ? " " + without + " window(s) without a successful call are in the table only." : "").append("</figcaption></figure>\n");
        return h.toString();
    }

}
