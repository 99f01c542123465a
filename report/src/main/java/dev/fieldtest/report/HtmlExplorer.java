package dev.fieldtest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The case explorer of report.html: the filter controls and an empty table that the page's script fills from
 * a JSON block of the calls. The script only ever sets text ({@code textContent}), so model output stays text.
 * At most {@link #MAX_ROWS} calls are embedded — failing calls first, then passing ones, in results order.
 */
final class HtmlExplorer {
    static final int MAX_ROWS = 20_000;
    /** Longest input message or output embedded, in chars; a longer one is cut with a note (results.jsonl has it whole). */
    static final int MAX_TEXT = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlExplorer() {}

    /** The calls as the JSON the script reads: {targets, tags, total, rows: [...]}. */
    static ObjectNode data(List<String> targets, List<ScoredCall> rows) {
        ObjectNode data = JSON.createObjectNode();
        targets.forEach(data.putArray("targets")::add);
        data.put("total", rows.size());
        ArrayNode out = data.putArray("rows");
        for (int i : kept(rows)) {
            ScoredCall r = rows.get(i);
            ObjectNode row = out.addObject();
            row.put("index", i).put("case", r.observation().caseId()).put("target", r.observation().targetId()).put("repeat", r.observation().repeatIndex());
            row.put("variant", r.variant());
            r.tags().forEach(row.putArray("tags")::add);
            if (r.tags().isEmpty()) row.putArray("tags");
            row.put("pass", r.pass()).put("error", r.observation().error() == null ? null : r.observation().error().wireName());
            row.put("error_message", r.observation().errorMessage()).put("output", clip(r.observation().output()));
            ArrayNode input = row.putArray("input");
            r.observation().input().forEach(m -> input.addObject().put("role", m.role()).put("content", clip(m.content())));
            ArrayNode verdicts = row.putArray("verdicts");
            for (Verdict v : r.verdicts()) verdicts.addObject().put("check", v.check()).put("pass", v.pass()).put("detail", v.detail()).put("score", v.score()).put("measured", v.measured());
            row.put("confidence", r.confidence()).put("latency_ms", r.observation().latencyMs());
        }
        return data;
    }

    /** Indexes of the rows to embed, in results order: all when they fit, else failing ones first up to the cap. */
    static List<Integer> kept(List<ScoredCall> rows) {
        List<Integer> failing = new ArrayList<>(), passing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) (rows.get(i).pass() ? passing : failing).add(i);
        Set<Integer> keep = new TreeSet<>(failing.subList(0, Math.min(MAX_ROWS, failing.size())));
        keep.addAll(passing.subList(0, Math.min(MAX_ROWS - keep.size(), passing.size())));
        return List.copyOf(keep);
    }

    /** Text cut to {@link #MAX_TEXT} chars at a code-point boundary, saying so; null stays null. */
    static String clip(String s) {
        if (s == null || s.length() <= MAX_TEXT) return s;
        int end = Character.isLowSurrogate(s.charAt(MAX_TEXT)) ? MAX_TEXT - 1 : MAX_TEXT;
        return s.substring(0, end) + "\n… [" + (s.length() - end) + " more characters; the whole text is in results.jsonl]";
    }

    static String section(List<String> targets, List<ScoredCall> rows) {
        Set<String> tags = new TreeSet<>();
        rows.forEach(r -> tags.addAll(r.tags()));
        StringBuilder h = new StringBuilder("<section id=\"explorer\"><h2>Case explorer</h2>\n<div class=\"filters\">"
                + "<label><input type=\"checkbox\" id=\"f-failing\"> failing only</label> <label>target <select id=\"f-target\"><option value=\"\">all</option>");
        targets.forEach(t -> h.append("<option value=\"").append(HtmlEscape.text(t)).append("\">").append(HtmlEscape.text(t)).append("</option>"));
        h.append("</select></label> <label>slice <select id=\"f-tag\"><option value=\"\">all</option>");
        tags.forEach(t -> h.append("<option value=\"").append(HtmlEscape.text(t)).append("\">").append(HtmlEscape.text(t)).append("</option>"));
        h.append("</select></label> <label>search <input type=\"search\" id=\"f-search\" placeholder=\"case, input, output, error\"></label> "
                + "<span id=\"f-count\"></span></div>\n");
        if (rows.size() > MAX_ROWS) {
            h.append("<p class=\"note\">").append(rows.size()).append(" calls: the explorer holds ").append(MAX_ROWS)
                    .append(" of them, failing ones first; every call is in results.jsonl.</p>\n");
        }
        h.append("<noscript><p class=\"note\">The explorer needs JavaScript; every call is in results.jsonl.</p></noscript>\n"
                + "<table id=\"calls\"><thead><tr><th>case</th><th>target</th><th>repeat</th><th>variant</th><th>result</th><th>error</th></tr></thead>"
                + "<tbody id=\"calls-body\"></tbody></table>\n<p id=\"calls-more\" class=\"note\"></p>\n"
                + "<div id=\"detail\" hidden><h3 id=\"detail-title\"></h3><div id=\"detail-body\"></div>"
                + "<h3>Same case across targets</h3><div id=\"compare\" class=\"compare\"></div></div>\n</section>\n");
        return h.toString();
    }
}
