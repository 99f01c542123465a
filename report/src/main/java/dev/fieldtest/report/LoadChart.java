package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * load.svg: per target with open-loop steps, corrected p50/p95/p99 latency against offered rate, and achieved
 * rate against offered rate beside the dashed line y = x; a dashed vertical marker at the collapse step, and
 * a hollow dot for each invalid step.
 * Each series is one polyline with a point per open step that measured it, in order of offered rate.
 * The SVG is self-contained (no scripts, styles or links), all text is XML-escaped, and the same load.json
 * always gives the same bytes.
 */
public final class LoadChart {
    private static final int WIDTH = 840, ROW = 270, LEGEND = 34;
    private static final String[][] LATENCY = {{"p50", "#1b9e77"}, {"p95", "#7570b3"}, {"p99", "#d95f02"}};
    private static final String ACHIEVED = "#1f78b4", OFFERED = "#999", COLLAPSE = "#e7298a";

    private LoadChart() {}

    /** The chart as an SVG document; without open-loop steps, an SVG that says so. */
    public static String svg(JsonNode loadJson) {
        List<JsonNode> targets = new ArrayList<>();
        loadJson.path("targets").forEach(t -> {
            if (!openSteps(t).isEmpty()) targets.add(t);
        });
        int height = LEGEND + Math.max(1, targets.size()) * ROW;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n",
                WIDTH, height, WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        legend(svg);
        if (targets.isEmpty()) svg.append(SvgPanel.text(WIDTH / 2.0, LEGEND + ROW / 2.0, "middle", "No open-loop steps: nothing to plot against offered rate."));
        for (int i = 0; i < targets.size(); i++) row(svg, targets.get(i), LEGEND + i * ROW);
        return svg.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder svg) {
        String[][] entries = {{"p50 corrected", LATENCY[0][1], ""}, {"p95 corrected", LATENCY[1][1], ""}, {"p99 corrected", LATENCY[2][1], ""},
            {"achieved", ACHIEVED, ""}, {"offered (y = x)", OFFERED, " stroke-dasharray=\"5 4\""}, {"collapse", COLLAPSE, " stroke-dasharray=\"3 3\""}};
        double x = 12;
        for (String[] e : entries) {
            svg.append(SvgPanel.line(x, 17, x + 22, 17, e[1], e[2] + " stroke-width=\"2\""));
            svg.append(SvgPanel.text(x + 28, 21, "start", e[0]));
            x += 40 + 5.6 * e[0].length();
        }
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"17.0\" r=\"2.5\" fill=\"#fff\" stroke=\"#333\"/>\n", x + 11))
                .append(SvgPanel.text(x + 28, 21, "start", "invalid step"));
    }

    private static void row(StringBuilder svg, JsonNode target, double top) {
        List<JsonNode> steps = openSteps(target);
        String id = target.path("target").asText().replaceAll("\\s+", " ").strip();
        if (id.codePointCount(0, id.length()) > 80) id = id.substring(0, id.offsetByCodePoints(0, 80)) + "…";
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" font-weight=\"bold\">%s</text>\n", top + 16, SvgPanel.escape(id)));
        double xMax = max(steps, "offered_rps"), achievedMax = Math.max(xMax, max(steps, "achieved_rps"));
        double latencyMax = 0;
        for (String[] s : LATENCY) latencyMax = Math.max(latencyMax, max(steps, "latency_ms/corrected/" + s[0]));
        SvgPanel latency = new SvgPanel(0, top, WIDTH / 2.0, ROW, xMax, latencyMax);
        latency.axes(svg, "offered rps", "corrected latency ms");
        for (String[] s : LATENCY) latency.series(svg, s[0], s[1], points(steps, "latency_ms/corrected/" + s[0]));
        SvgPanel achieved = new SvgPanel(WIDTH / 2.0, top, WIDTH / 2.0, ROW, xMax, achievedMax);
        achieved.axes(svg, "offered rps", "achieved rps");
        achieved.diagonal(svg, OFFERED);
        achieved.series(svg, "achieved", ACHIEVED, points(steps, "achieved_rps"));
        JsonNode collapse = target.path("collapse").path("offered_rps");
        if (collapse.isNumber()) {
            latency.marker(svg, collapse.asDouble(), COLLAPSE);
            achieved.marker(svg, collapse.asDouble(), COLLAPSE);
        }
    }

    /** Open steps with an offered rate, in order of it (stable, so equal rates keep load.json order). */
    static List<JsonNode> openSteps(JsonNode target) {
        List<JsonNode> open = new ArrayList<>();
        target.path("steps").forEach(s -> {
            if ("open".equals(s.path("kind").asText()) && finite(s.path("offered_rps"))) open.add(s);
        });
        open.sort(Comparator.comparingDouble(s -> s.path("offered_rps").asDouble()));
        return open;
    }

    private static List<double[]> points(List<JsonNode> steps, String path) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode s : steps) {
            JsonNode v = s.at("/" + path);
            if (finite(v)) points.add(new double[] {s.path("offered_rps").asDouble(), v.asDouble(), s.path("valid").asBoolean(true) ? 1 : 0});
        }
        return points;
    }

    private static double max(List<JsonNode> steps, String path) {
        return points(steps, path).stream().mapToDouble(p -> p[1]).max().orElse(0);
    }

    private static boolean finite(JsonNode n) {
        return n.isNumber() && Double.isFinite(n.asDouble());
    }
}
