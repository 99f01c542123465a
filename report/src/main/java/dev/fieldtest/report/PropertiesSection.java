package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.gate.PropertyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Properties" section of report.md: one table row per property and target, those that did not pass
 * first, cut after {@link #MAX_ROWS} rows so the page stays short enough for a pull-request comment.
 * Names, owners and reasons come from the suite and the summary and are escaped with {@link Markdown#inline}.
 */
public final class PropertiesSection {
    /** Rows shown; the rest are counted, and summary.json and junit.xml hold them all. */
    static final int MAX_ROWS = 20;

    private PropertiesSection() {}

    /** The section, or "" when the summary has no properties. */
    public static String render(JsonNode summary) {
        List<JsonNode> all = new ArrayList<>();
        summary.path("properties").forEach(all::add);
        if (all.isEmpty()) return "";
        List<JsonNode> failing = all.stream().filter(p -> !"pass".equals(p.path("status").asText())).toList();
        List<JsonNode> rows = new ArrayList<>(failing);
        all.stream().filter(p -> "pass".equals(p.path("status").asText())).forEach(rows::add);
        StringBuilder md = new StringBuilder("\n## Properties\n\n");
        md.append(failing.isEmpty() ? "All " + all.size() + " hold.\n\n"
                : failing.size() + " of " + all.size() + " failed or missing: the run exits with code 1.\n\n");
        md.append("| status | property | target | value | bound | owner |\n|---|---|---|---|---|---|\n");
        rows.stream().limit(MAX_ROWS).forEach(p -> md.append(row(p)));
        if (rows.size() > MAX_ROWS) {
            long hidden = rows.size() - MAX_ROWS;
            long hiddenFailing = Math.max(0, failing.size() - MAX_ROWS);
            md.append("\n…and ").append(hidden).append(" more (").append(hiddenFailing == 0 ? "all passing" : hiddenFailing + " not passing")
                    .append("): every one is in `summary.json` and `junit.xml`.\n");
        }
        return md.toString();
    }

    private static String row(JsonNode p) {
        String status = p.path("status").asText();
        String value = p.path("value").isNumber() ? PropertyResult.format(p.path("value").asDouble())
                : "– (" + Markdown.inline(p.path("reason").asText(), 80) + ")";
        String target = p.path("target").isTextual() ? Markdown.inline(p.path("target").asText(), 40) : "–";
        return "| " + (status.equals("pass") ? "pass" : "**" + status + "**") + " | " + Markdown.inline(p.path("name").asText(), 60)
                + " | " + target + " | " + value + " | " + bound(p) + " | " + Markdown.inline(p.path("owner").asText(), 40) + " |\n";
    }

    /** "≥ 0.8", "≤ 250", or "0.8 – 1" when both bounds are set. */
    static String bound(JsonNode p) {
        boolean min = p.path("min").isNumber();
        boolean max = p.path("max").isNumber();
        String lo = min ? PropertyResult.format(p.path("min").asDouble()) : null;
        String hi = max ? PropertyResult.format(p.path("max").asDouble()) : null;
        if (min && max) return lo + " – " + hi;
        return min ? "≥ " + lo : max ? "≤ " + hi : "–";
    }
}
