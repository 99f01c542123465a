package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ScoredCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The charts of report.html computed from the results rows: the reliability diagram (stated confidence against
 * observed pass rate) and the latency distribution (an empirical CDF per target). Marks carry the classes
 * {@code bin} and {@code cdf}.
 */
final class HtmlRowCharts {
    /** At most this many points per CDF line: enough for a smooth line, small for a run of 100,000 calls. */
    static final int CDF_POINTS = 200;

    private HtmlRowCharts() {}

    static String reliability(JsonNode summary, List<ScoredCall> rows) {
        List<String> targets = HtmlCharts.targets(summary);
        List<HtmlCalibration> data = targets.stream().map(t -> HtmlCalibration.of(rows, t)).toList();
        if (data.stream().allMatch(c -> c.bins().isEmpty())) {
            return HtmlCharts.figure("reliability", "Calibration (reliability diagram)",
                    "<p class=\"note\">No call stated a confidence (see <code>confidence.extract</code> in docs/suite.md).</p>", "");
        }
        HtmlPlot plot = new HtmlPlot(1, true, 1, true);
        StringBuilder svg = new StringBuilder(HtmlPlot.open("chart-reliability", HtmlPlot.WIDTH, HtmlPlot.HEIGHT, "stated confidence against observed pass rate"));
        plot.axes(svg, "stated confidence (mean in bin)", "observed pass rate");
        svg.append(HtmlPlot.line(plot.px(0), plot.py(0), plot.px(1), plot.py(1), "#999", " stroke-dasharray=\"5 4\""));
        StringBuilder key = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < targets.size(); i++) {
            List<HtmlCalibration.Bin> bins = data.get(i).bins();
            String color = HtmlPlot.color(i);
            StringBuilder pts = new StringBuilder();
            for (HtmlCalibration.Bin b : bins) pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", plot.px(b.meanConfidence()), plot.py(b.passRate())));
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>\n", color, pts.toString().strip()));
            for (HtmlCalibration.Bin b : bins) {
                String tip = String.format(Locale.ROOT, "%s · confidence %.1f–%.1f: n=%d, mean confidence %s, passed %s", targets.get(i),
                        b.index() / 10.0, (b.index() + 1) / 10.0, b.n(), HtmlCharts.pct(b.meanConfidence()), HtmlCharts.pct(b.passRate()));
                svg.append(String.format(Locale.ROOT, "<circle class=\"bin\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.75\"><title>%s</title></circle>\n",
                        plot.px(b.meanConfidence()), plot.py(b.passRate()), Math.min(12, 3 + Math.sqrt(b.n())), color, HtmlEscape.text(tip)));
            }
            JsonNode cal = summary.path("targets").path(targets.get(i)).path("calibration");
            key.append("<span>").append(swatch(color)).append(' ').append(HtmlEscape.text(targets.get(i))).append(": ECE ")
                    .append(number(cal.path("ece"), 3)).append(", Brier ").append(number(cal.path("brier"), 3)).append(" (n=")
                    .append(data.get(i).calls()).append(")</span> ");
        }
        return HtmlCharts.figure("reliability", "Calibration (reliability diagram)", svg.append("</svg>").toString() + key.append("</p>"),
                "Calls that stated a confidence, in 10 bins of width 0.1; each dot is a bin at (mean stated confidence, share that passed), "
                        + "its size growing with the bin's calls. On the dashed diagonal a target is perfectly calibrated; below it, over-confident. "
                        + "ECE and Brier are summary.json's <code>calibration</code>.");
    }

    static String latency(JsonNode summary, List<ScoredCall> rows) {
        List<String> targets = HtmlCharts.targets(summary);
        List<List<double[]>> curves = targets.stream().map(t -> cdf(rows, t, CDF_POINTS)).toList();
        double max = curves.stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(0);
        if (max <= 0) return HtmlCharts.figure("latency", "Latency distribution", "<p class=\"note\">No call succeeded: no latency to show.</p>", "");
        HtmlPlot plot = new HtmlPlot(max, false, 1, true);
        StringBuilder svg = new StringBuilder(HtmlPlot.open("chart-latency", HtmlPlot.WIDTH, HtmlPlot.HEIGHT, "latency distribution per target"));
        plot.axes(svg, "latency ms (send to last byte)", "share of successful calls at or below");
        StringBuilder key = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < targets.size(); i++) {
            StringBuilder pts = new StringBuilder();
            for (double[] p : curves.get(i)) pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", plot.px(p[0]), plot.py(p[1])));
            svg.append(String.format(Locale.ROOT, "<polyline class=\"cdf\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
                    HtmlPlot.color(i), pts.toString().strip()));
            JsonNode l = summary.path("targets").path(targets.get(i)).path("latency_ms");
            key.append("<span>").append(swatch(HtmlPlot.color(i))).append(' ').append(HtmlEscape.text(targets.get(i))).append(": p50 ")
                    .append(Figures.millis(l.path("p50"), "–")).append(" · p95 ").append(Figures.millis(l.path("p95"), "–")).append(" · p99 ")
                    .append(Figures.millis(l.path("p99"), "–")).append(" ms (n=").append(l.path("n").asLong()).append(")</span> ");
        }
        return HtmlCharts.figure("latency", "Latency distribution", svg.append("</svg>").toString() + key.append("</p>"),
                "Empirical CDF of the latency of successful calls, from results.jsonl (a step at every call, thinned to "
                        + CDF_POINTS + " points). The percentiles beside it are summary.json's, from an HdrHistogram.");
    }

    /**
     * The empirical CDF of the target's successful calls' latencies as {x, share ≤ x} points: at most
     * {@code maxPoints}, taken at evenly spaced ranks and always ending at the largest value with share 1.
     */
    static List<double[]> cdf(List<ScoredCall> rows, String target, int maxPoints) {
        double[] v = rows.stream().filter(r -> r.observation().targetId().equals(target) && r.observation().succeeded())
                .mapToDouble(r -> r.observation().latencyMs()).sorted().toArray();
        List<double[]> points = new ArrayList<>();
        if (v.length == 0) return points;
        int steps = Math.min(maxPoints, v.length);
        for (int i = 1; i <= steps; i++) {
            int rank = (int) Math.ceil((double) i * v.length / steps);
            points.add(new double[] {v[rank - 1], (double) rank / v.length});
        }
        return points;
    }

    static String swatch(String color) {
        return "<svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"" + color + "\"/></svg>";
    }

    static String number(JsonNode n, int places) {
        return n.isNumber() ? String.format(Locale.ROOT, "%." + places + "f", n.asDouble()) : "–";
    }
}
