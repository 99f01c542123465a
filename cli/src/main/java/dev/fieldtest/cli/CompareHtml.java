package dev.fieldtest.cli;

import dev.fieldtest.core.stats.PairedComparison;
import dev.fieldtest.report.HtmlEscape;
import java.util.List;

/**
 * The page {@code fieldtest compare --html FILE} writes: self-contained (inline CSS, no scripts, nothing
 * fetched), one table of targets and, per target, the first {@value #SHOWN} pairs where only one run passed.
 * Every string — paths, ids, outputs — is HTML-escaped; outputs are cut to {@value #CUT} characters. Stateless.
 */
final class CompareHtml {
    static final int SHOWN = 20;
    static final int CUT = 300;
    private static final String STYLE = "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
            + "th{background:#f3f3f3}td.num{text-align:right}.verdict{font-weight:600}"
            + "pre{white-space:pre-wrap;margin:0;max-width:40em}";

    private CompareHtml() {}

    static String page(String runA, String runB, List<CompareTarget> results) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>fieldtest compare</title><style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>fieldtest compare</h1>\n<p>A = <code>").append(HtmlEscape.text(runA)).append("</code> (baseline), B = <code>")
                .append(HtmlEscape.text(runB)).append("</code>. Pairs: the same target, case, repeat and variant in both runs.</p>\n");
        h.append("<table><tr><th>target</th><th>n</th><th>cases</th><th>A pass</th><th>B pass</th><th>B−A (points)</th>"
                + "<th>95% CI</th><th>A only</th><th>B only</th><th>McNemar p</th><th>verdict</th></tr>\n");
        for (CompareTarget r : results) row(h, r.target(), r.comparison());
        h.append("</table>\n");
        for (CompareTarget r : results) discordant(h, r);
        return h.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder h, String target, PairedComparison c) {
        h.append("<tr><td>").append(HtmlEscape.text(target)).append("</td>").append(num(Long.toString(c.n()))).append(num(Long.toString(c.cases())));
        if (c.n() == 0) {
            h.append(num("–").repeat(4));
        } else {
            h.append(num(CompareText.percent(c.passRateA()))).append(num(CompareText.percent(c.passRateB())))
                    .append(num(CompareText.points(c.difference())))
                    .append(num("[" + CompareText.points(c.ciLo()) + ", " + CompareText.points(c.ciHi()) + "]"));
        }
        h.append(num(Long.toString(c.aOnly()))).append(num(Long.toString(c.bOnly())))
                .append(num(c.n() == 0 ? "–" : CompareText.p(c.mcnemarP())))
                .append("<td class=\"verdict\">").append(HtmlEscape.text(c.verdict())).append("</td></tr>\n");
    }

    private static void discordant(StringBuilder h, CompareTarget r) {
        if (r.discordant().isEmpty()) return;
        h.append("<h2>").append(HtmlEscape.text(r.target())).append(": pairs where only one run passed (")
                .append(Math.min(SHOWN, r.discordant().size())).append(" of ").append(r.discordant().size()).append(")</h2>\n");
        h.append("<table><tr><th>case</th><th>repeat</th><th>variant</th><th>passed</th><th>A</th><th>B</th></tr>\n");
        for (CompareTarget.Discordant d : r.discordant().subList(0, Math.min(SHOWN, r.discordant().size()))) {
            h.append("<tr><td>").append(HtmlEscape.text(d.caseId())).append("</td>").append(num(Integer.toString(d.repeat())))
                    .append("<td>").append(d.variant() == null ? "" : HtmlEscape.text(d.variant())).append("</td>")
                    .append(d.aPassed() ? "<td>A only</td>" : "<td>B only</td>")
                    .append("<td><pre>").append(HtmlEscape.text(cut(d.a()))).append("</pre></td><td><pre>").append(HtmlEscape.text(cut(d.b())))
                    .append("</pre></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String num(String text) {
        return "<td class=\"num\">" + HtmlEscape.text(text) + "</td>";
    }

    private static String cut(String s) {
        if (s == null) return "";
        if (s.length() <= CUT) return s;
        int end = Character.isHighSurrogate(s.charAt(CUT - 1)) ? CUT - 1 : CUT; // never split a surrogate pair
        return s.substring(0, end) + "…";
    }
}
