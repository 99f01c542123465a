package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import dev.fieldtest.history.RunSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code /}: every recorded run, newest first (as the history lists them), optionally only one suite's. */
final class RunListPage {
    static final Set<String> PARAMS = Set.of("suite");

    private RunListPage() {}

    static Reply render(List<RunSummary> all, Map<String, String> query) {
        String suite = query.getOrDefault("suite", "");
        List<RunSummary> shown = suite.isEmpty() ? all : all.stream().filter(r -> suite.equals(r.suite())).toList();
        StringBuilder h = new StringBuilder("<h1>Recorded runs</h1>\n").append(filter(all, suite));
        h.append("<p class=\"note\" id=\"count\">").append(shown.size()).append(" of ").append(all.size()).append(" runs")
                .append(suite.isEmpty() ? "" : " of suite " + text(suite)).append("</p>\n");
        h.append("<table id=\"runs\"><thead><tr><th>run</th><th>kind</th><th>suite</th><th>status</th><th>started</th><th>targets</th></tr></thead><tbody>\n");
        for (RunSummary r : shown) {
            h.append("<tr data-run-id=\"").append(text(r.runId())).append("\"><td><a class=\"run\" href=\"/runs/").append(Uris.encode(r.runId())).append("\">")
                    .append(text(r.runId())).append("</a></td><td>").append(r.kind().wireName()).append("</td><td class=\"suite\">").append(text(r.suite()))
                    .append("</td><td>").append(text(r.status())).append("</td><td>").append(Fmt.time(r.startedAt())).append("</td><td><ul class=\"headline\">");
            r.headline().forEach((target, head) -> h.append("<li><span class=\"target\">").append(text(target)).append("</span>: ")
                    .append(text(Fmt.headline(r.kind(), head))).append("</li>"));
            h.append("</ul></td></tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"note\">Targets: pass rate with its number of scored calls (n) for <code>fieldtest run</code>; "
                + "the highest offered rate that met every SLO for <code>fieldtest load</code>.</p>\n");
        return Reply.html(200, Layout.page("runs", h.toString()));
    }

    private static String filter(List<RunSummary> all, String chosen) {
        Set<String> suites = new TreeSet<>();
        for (RunSummary r : all) if (r.suite() != null) suites.add(r.suite());
        StringBuilder f = new StringBuilder("<form method=\"get\" action=\"/\"><label>Suite <select name=\"suite\" id=\"suite\"><option value=\"\">all suites</option>");
        for (String s : suites) {
            f.append("<option value=\"").append(text(s)).append("\"").append(s.equals(chosen) ? " selected" : "").append(">").append(text(s)).append("</option>");
        }
        return f.append("</select></label> <button type=\"submit\" id=\"filter\">Filter</button></form>\n").toString();
    }
}
