package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The optional sections of report.html, each rendered only when summary.json has its part: {@code paired}
 * (paired comparison of two targets on the same cases), {@code properties} (named properties checked against
 * bounds) and {@code comparisons} (a judge's pairwise preferences). Values are shown as given; strings escaped.
 */
final class HtmlSections {
    private HtmlSections() {}

    static String paired(JsonNode s) {
        JsonNode paired = s.path("paired");
        if (!paired.isObject() || paired.isEmpty()) return "";
        StringBuilder h = new StringBuilder("<section id=\"paired\"><h2>Pairwise comparison (same cases)</h2>\n<table id=\"paired-table\">\n<thead><tr>"
                + "<th>A</th><th>B</th><th>n</th><th>cases</th><th>pass rate A</th><th>pass rate B</th><th>difference B − A (95% CI)</th>"
                + "<th>only A passed</th><th>only B passed</th><th>McNemar p</th><th>n to detect 5 points</th></tr></thead>\n<tbody>\n");
        StringBuilder verdicts = new StringBuilder();
        paired.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            h.append("<tr data-pair=\"").append(HtmlEscape.text(e.getKey())).append("\"><td>").append(str(p.path("target_a"))).append("</td><td>")
                    .append(str(p.path("target_b"))).append("</td><td class=\"num\">").append(str(p.path("n"))).append("</td><td class=\"num\">")
                    .append(str(p.path("cases"))).append("</td><td class=\"num\">").append(Figures.percent(p.path("pass_rate_a"), "–"))
                    .append("</td><td class=\"num\">").append(Figures.percent(p.path("pass_rate_b"), "–")).append("</td><td class=\"num\">")
                    .append(points(p.path("difference"))).append(" (").append(points(p.path("ci95").path(0))).append(" to ")
                    .append(points(p.path("ci95").path(1))).append(")</td><td class=\"num\">").append(str(p.path("a_only")))
                    .append("</td><td class=\"num\">").append(str(p.path("b_only"))).append("</td><td class=\"num\">").append(pValue(p.path("mcnemar_p")))
                    .append("</td><td class=\"num\">").append(str(p.path("detectable_n_5pts"))).append("</td></tr>\n");
            if (p.hasNonNull("verdict")) verdicts.append("<p class=\"verdict\">").append(str(p.path("verdict"))).append("</p>\n");
        });
        return h.append("</tbody></table>\n").append(verdicts).append("<p class=\"note\">From summary.json <code>paired</code>: both targets on the "
                + "same case, repeat and variant; the difference is B − A in percentage points, its interval a bootstrap over cases.</p></section>\n").toString();
    }

    static String properties(JsonNode s) {
        JsonNode props = s.path("properties");
        if (!props.isArray() || props.isEmpty()) return "";
        StringBuilder h = new StringBuilder("<section id=\"properties\"><h2>Properties</h2>\n<table id=\"properties-table\">\n<thead><tr><th>property</th>"
                + "<th>metric</th><th>target</th><th>value</th><th>min</th><th>max</th><th>status</th><th>owner</th><th>review</th><th>reason</th></tr></thead>\n<tbody>\n");
        for (JsonNode p : props) {
            String status = p.path("status").asText("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
            h.append("<tr class=\"status-").append(status).append("\">");
            for (String f : new String[] {"name", "metric", "target", "value", "min", "max", "status", "owner", "review", "reason"}) {
                h.append("<td>").append(str(p.path(f))).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</tbody></table><p class=\"note\">From summary.json <code>properties</code>, as recorded.</p></section>\n").toString();
    }

    static String comparisons(JsonNode s) {
        JsonNode c = s.path("comparisons");
        if (!c.isObject() || c.isEmpty()) return "";
        StringBuilder h = new StringBuilder("<section id=\"comparisons\"><h2>Judged comparisons</h2>\n<table><thead><tr><th>A</th><th>B</th><th>n</th>"
                + "<th>A wins</th><th>B wins</th><th>ties</th><th>unmeasured</th><th>A win rate (95% CI)</th></tr></thead>\n<tbody>\n");
        c.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            h.append("<tr><td>").append(str(p.path("target_a"))).append("</td><td>").append(str(p.path("target_b"))).append("</td>");
            for (String f : new String[] {"n", "a_wins", "b_wins", "ties", "unmeasured"}) h.append("<td class=\"num\">").append(str(p.path(f))).append("</td>");
            h.append("<td class=\"num\">").append(Figures.percent(p.path("a_win_rate"), "–")).append(" (").append(Figures.percent(p.path("ci95").path(0), "–"))
                    .append("–").append(Figures.percent(p.path("ci95").path(1), "–")).append(")</td></tr>\n");
        });
        return h.append("</tbody></table><p class=\"note\">A judge's preference per case and repeat (summary.json <code>comparisons</code>).</p></section>\n").toString();
    }

    /** Any JSON value as escaped text; numbers to 6 significant digits, arrays joined, missing or null as a dash. */
    static String str(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return "–";
        if (n.isNumber()) return n.isIntegralNumber() ? n.asText() : new java.math.BigDecimal(n.asDouble()).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        if (n.isArray()) {
            StringBuilder out = new StringBuilder();
            n.forEach(x -> out.append(out.isEmpty() ? "" : ", ").append(str(x)));
            return out.toString();
        }
        return HtmlEscape.text(n.isValueNode() ? n.asText() : n.toString());
    }

    /** A difference of rates in percentage points with a sign: {@code +12.5 pts}. */
    static String points(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%+.1f pts", 100 * n.asDouble()) : "–";
    }

    private static String pValue(JsonNode n) {
        if (!n.isNumber()) return "–";
        double p = n.asDouble();
        return p < 0.001 ? "&lt; 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
