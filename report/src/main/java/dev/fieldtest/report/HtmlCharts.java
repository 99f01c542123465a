package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The charts of report.html drawn from summary.json alone: the per-slice heatmap, the pass@k curves and the
 * sensitivity to perturbations. Each is a {@code <figure>} holding one inline SVG whose marks carry a class
 * ({@code cell}, {@code pt}, {@code bar}) so tests and readers can count them; every string is escaped.
 */
final class HtmlCharts {
    private HtmlCharts() {}

    static List<String> targets(JsonNode summary) {
        List<String> ids = new ArrayList<>();
        summary.path("targets").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    /** Targets × slices; colour and number are the slice's pass rate, the tooltip adds n and the interval. */
    static String heatmap(JsonNode summary) {
        List<String> targets = targets(summary);
        Set<String> slices = new TreeSet<>();
        for (String t : targets) summary.path("targets").path(t).path("slices").fieldNames().forEachRemaining(slices::add);
        if (slices.isEmpty()) return figure("heatmap", "Pass rate per slice", "<p class=\"note\">No case has tags: there are no slices.</p>", "");
        int cellW = 84, cellH = 34, left = 150, top = 40;
        int width = left + cellW * slices.size() + 10, height = top + cellH * targets.size() + 10;
        StringBuilder svg = new StringBuilder(HtmlPlot.open("chart-heatmap", width, height, "pass rate per target and slice"));
        int col = 0;
        for (String s : slices) {
            svg.append(HtmlPlot.text(left + cellW * (col++ + 0.5), top - 10, "middle", HtmlEscape.text(clip(s, 13)), ""));
        }
        for (int row = 0; row < targets.size(); row++) {
            String t = targets.get(row);
            double y = top + cellH * row;
            svg.append(HtmlPlot.text(left - 8, y + cellH / 2.0 + 4, "end", HtmlEscape.text(clip(t, 22)), ""));
            col = 0;
            for (String s : slices) {
                JsonNode slice = summary.path("targets").path(t).path("slices").path(s);
                JsonNode rate = slice.path("pass_rate");
                double x = left + cellW * col++;
                String tip = t + " · " + s + ": " + Figures.percent(rate, "not measured") + " (n=" + slice.path("n").asLong()
                        + (slice.path("ci95").isArray() ? ", 95% CI " + Figures.percent(slice.path("ci95").path(0), "–") + "–"
                                + Figures.percent(slice.path("ci95").path(1), "–") : "") + ")";
                svg.append(String.format(Locale.ROOT, "<rect class=\"cell\" x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\">"
                        + "<title>%s</title></rect>\n", x, y, cellW, cellH, rate.isNumber() ? rateColor(rate.asDouble()) : "#eee", HtmlEscape.text(tip)));
                svg.append(HtmlPlot.text(x + cellW / 2.0, y + 15, "middle", Figures.percent(rate, "–"), " class=\"cell-value\""));
                svg.append(HtmlPlot.text(x + cellW / 2.0, y + 28, "middle", "n=" + slice.path("n").asLong(), " font-size=\"9\""));
            }
        }
        return figure("heatmap", "Pass rate per slice", svg.append("</svg>").toString(),
                "Each cell is the pass rate of one target's calls on cases with that tag (summary.json <code>slices</code>); "
                        + "red is 0%, yellow 50%, green 100%. Hover a cell for n and the Wilson 95% interval.");
    }

    /** pass@k (solid) and pass^k (dashed) against k, one colour per target. */
    static String passAtK(JsonNode summary) {
        List<String> targets = targets(summary);
        double kMax = 1;
        for (String t : targets) {
            for (var it = summary.path("targets").path(t).path("pass_at_k").fieldNames(); it.hasNext();) kMax = Math.max(kMax, Double.parseDouble(it.next()));
        }
        HtmlPlot plot = new HtmlPlot(kMax, false, 1, true);
        StringBuilder svg = new StringBuilder(HtmlPlot.open("chart-passk", HtmlPlot.WIDTH, HtmlPlot.HEIGHT, "pass@k and pass^k against k"));
        plot.axes(svg, "k (runs of the same case)", "estimated probability");
        for (int i = 0; i < targets.size(); i++) {
            JsonNode t = summary.path("targets").path(targets.get(i));
            series(svg, plot, t.path("pass_at_k"), HtmlPlot.color(i), "", "pass@", targets.get(i));
            series(svg, plot, t.path("pass_all_k"), HtmlPlot.color(i), " stroke-dasharray=\"5 4\"", "pass^", targets.get(i));
        }
        return figure("passk", "pass@k and pass^k", svg.append("</svg>").toString() + legend(targets),
                "Solid: pass@k, the estimated chance that at least one of k runs of a case passes. Dashed: pass^k, the chance "
                        + "that all k pass (summary.json <code>pass_at_k</code>, <code>pass_all_k</code>: unbiased estimates, mean over cases).");
    }

    private static void series(StringBuilder svg, HtmlPlot plot, JsonNode byK, String color, String dash, String symbol, String target) {
        List<double[]> points = new ArrayList<>();
        byK.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) points.add(new double[] {Double.parseDouble(e.getKey()), e.getValue().asDouble()});
        });
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        StringBuilder pts = new StringBuilder();
        for (double[] p : points) pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", plot.px(p[0]), plot.py(p[1])));
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>\n", color, dash, pts.toString().strip()));
        for (double[] p : points) {
            svg.append(String.format(Locale.ROOT, "<circle class=\"pt\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s</title></circle>\n",
                    plot.px(p[0]), plot.py(p[1]), color, HtmlEscape.text(symbol + (int) p[0] + " " + target + " = " + pct(p[1]))));
        }
    }

    /** Per variant, each target's flip rate as a horizontal bar (originals that passed and whose variant failed). */
    static String sensitivity(JsonNode summary) {
        List<String> targets = targets(summary);
        Set<String> variants = new LinkedHashSet<>();
        for (String t : targets) summary.path("targets").path(t).path("robustness").path("by_variant").fieldNames().forEachRemaining(variants::add);
        if (variants.isEmpty()) return figure("sensitivity", "Sensitivity to perturbed inputs", "<p class=\"note\">The suite has no variants (no <code>perturb:</code> or <code>generate:</code>).</p>", "");
        int left = 150, barH = 16, group = barH * targets.size() + 12, width = 560, plotW = width - left - 70;
        StringBuilder svg = new StringBuilder(HtmlPlot.open("chart-sensitivity", width, group * variants.size() + 30, "flip rate per variant and target"));
        int row = 0;
        for (String v : variants) {
            double top = 10 + group * row++;
            svg.append(HtmlPlot.text(left - 8, top + group / 2.0, "end", HtmlEscape.text(clip(v, 22)), ""));
            for (int i = 0; i < targets.size(); i++) {
                JsonNode n = summary.path("targets").path(targets.get(i)).path("robustness").path("by_variant").path(v);
                double y = top + barH * i;
                JsonNode flip = n.path("flip_rate");
                if (flip.isNumber()) {
                    svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>\n",
                            left, y, Math.max(1, plotW * flip.asDouble()), barH - 3, HtmlPlot.color(i),
                            HtmlEscape.text(targets.get(i) + " · " + v + ": flip rate " + Figures.percent(flip, "–") + ", " + n.path("flips").asLong()
                                    + " of the pairs whose original passed; pass rate on the variant " + Figures.percent(n.path("pass_rate"), "–"))));
                }
                svg.append(HtmlPlot.text(left + (flip.isNumber() ? plotW * flip.asDouble() : 0) + 6, y + barH - 5, "start",
                        Figures.percent(flip, "– (no original passed)") + " · n=" + n.path("pairs").asLong(), " font-size=\"10\""));
            }
        }
        return figure("sensitivity", "Sensitivity to perturbed inputs", svg.append("</svg>").toString() + legend(targets),
                "Flip rate per variant (summary.json <code>robustness.by_variant</code>): of the pairs (same case, same repeat) "
                        + "whose original passed, the share whose variant failed; n is the number of pairs.");
    }

    static String figure(String id, String title, String body, String caption) {
        return "<figure id=\"fig-" + id + "\"><h3>" + HtmlEscape.text(title) + "</h3>\n" + body + "\n"
                + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>\n";
    }

    /** A colour key of the targets; swatches are tiny SVGs because the page's CSP allows no style attributes. */
    static String legend(List<String> targets) {
        StringBuilder out = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < targets.size(); i++) {
            out.append("<span><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"")
                    .append(HtmlPlot.color(i)).append("\"/></svg> ").append(HtmlEscape.text(targets.get(i))).append("</span> ");
        }
        return out.append("</p>").toString();
    }

    /** Red (0) through yellow (0.5) to green (1). */
    static String rateColor(double r) {
        int[] red = {0xd7, 0x30, 0x27}, yellow = {0xfe, 0xe0, 0x8b}, green = {0x1a, 0x98, 0x50};
        double v = Math.max(0, Math.min(1, r));
        int[] a = v < 0.5 ? red : yellow, b = v < 0.5 ? yellow : green;
        double f = v < 0.5 ? v / 0.5 : (v - 0.5) / 0.5;
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    static String pct(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    static String clip(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.codePointCount(0, one.length()) <= max ? one : one.substring(0, one.offsetByCodePoints(0, max - 1)) + "…";
    }
}
