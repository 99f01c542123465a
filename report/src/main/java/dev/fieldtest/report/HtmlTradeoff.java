package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cost against quality against latency: one circle per target at (cost per success, pass rate), its radius
 * growing with p95 latency and its label giving it; targets on the Pareto front ({@link HtmlPareto}) get a black
 * ring and are listed under the chart. Marks carry the class {@code target-point}, front ones also {@code pareto}.
 */
final class HtmlTradeoff {
    private HtmlTradeoff() {}

    static List<HtmlPareto.Point> points(JsonNode summary) {
        List<HtmlPareto.Point> points = new ArrayList<>();
        for (String t : HtmlCharts.targets(summary)) {
            JsonNode n = summary.path("targets").path(t);
            JsonNode cost = n.path("cost_usd").path("per_success"), p95 = n.path("latency_ms").path("p95");
            points.add(new HtmlPareto.Point(t, cost.isNumber() ? cost.asDouble() : null, n.path("pass_rate").path("value").asDouble(0),
                    p95.isNumber() ? p95.asDouble() : null));
        }
        return points;
    }

    static String chart(JsonNode summary) {
        List<String> targets = HtmlCharts.targets(summary);
        List<HtmlPareto.Point> points = points(summary);
        List<String> front = HtmlPareto.front(points);
        double costMax = points.stream().filter(p -> p.costPerSuccess() != null).mapToDouble(HtmlPareto.Point::costPerSuccess).max().orElse(0);
        double p95Max = points.stream().filter(p -> p.p95() != null).mapToDouble(HtmlPareto.Point::p95).max().orElse(0);
        HtmlPlot plot = new HtmlPlot(costMax > 0 ? costMax * 1.15 : 1, false, 1, true);
        StringBuilder svg = new StringBuilder(HtmlPlot.open("chart-tradeoff", HtmlPlot.WIDTH, HtmlPlot.HEIGHT, "cost per success against pass rate"));
        plot.axes(svg, "cost per success (USD)", "pass rate");
        List<String> unplotted = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            HtmlPareto.Point p = points.get(i);
            if (p.costPerSuccess() == null) {
                unplotted.add(p.target());
                continue;
            }
            boolean onFront = front.contains(p.target());
            double r = p.p95() == null || p95Max <= 0 ? 5 : 5 + 11 * p.p95() / p95Max;
            String p95 = p.p95() == null ? "no p95" : "p95 " + String.format(Locale.ROOT, "%.0f", p.p95()) + " ms";
            svg.append(String.format(Locale.ROOT, "<circle class=\"target-point%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.7\" stroke=\"%s\" stroke-width=\"%s\">"
                    + "<title>%s</title></circle>\n", onFront ? " pareto" : "", plot.px(p.costPerSuccess()), plot.py(p.passRate()), r, HtmlPlot.color(i),
                    onFront ? "#000" : "none", onFront ? "2.5" : "0", HtmlEscape.text(p.target() + ": $" + Figures.usd(summary.path("targets").path(p.target())
                            .path("cost_usd").path("per_success"), "–") + " per success, pass rate " + HtmlCharts.pct(p.passRate()) + ", " + p95)));
            boolean rightHalf = plot.px(p.costPerSuccess()) > HtmlPlot.WIDTH / 2.0; // label towards the middle, so it stays inside
            svg.append(HtmlPlot.text(plot.px(p.costPerSuccess()) + (rightHalf ? -r - 4 : r + 4), plot.py(p.passRate()) + 4, rightHalf ? "end" : "start",
                    HtmlEscape.text(HtmlCharts.clip(p.target(), 20) + " · " + p95), " font-size=\"10\""));
        }
        StringBuilder notes = new StringBuilder("<p id=\"pareto-front\">Pareto front (no other target is cheaper per success, at least as accurate "
                + "and at least as fast at p95 all at once): <strong>");
        notes.append(front.isEmpty() ? "none" : HtmlEscape.text(String.join(", ", front))).append("</strong>.");
        if (!unplotted.isEmpty()) notes.append(" Not plotted (nothing passed, so no cost per success): ").append(HtmlEscape.text(String.join(", ", unplotted))).append('.');
        notes.append("</p>");
        return HtmlCharts.figure("tradeoff", "Cost, quality and latency", svg.append("</svg>").toString() + HtmlCharts.legend(targets) + notes,
                "x: summary.json <code>cost_usd.per_success</code> (all calls' cost ÷ passing calls); y: <code>pass_rate</code>; "
                        + "circle size and label: <code>latency_ms.p95</code>. A black ring marks the Pareto front.");
    }
}
