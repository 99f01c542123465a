package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The robustness part of report.md: per variant each target's pass rate and flip rate, then escalation,
 * confident-wrong, invented references and unmeasured verdicts. Empty when the run measured none of them.
 */
final class RobustnessSection {
    private RobustnessSection() {}

    static String render(JsonNode targets) {
        StringBuilder md = new StringBuilder();
        Set<String> variants = new LinkedHashSet<>();
        targets.fields().forEachRemaining(e -> e.getValue().path("robustness").path("by_variant").fieldNames().forEachRemaining(variants::add));
        if (!variants.isEmpty()) {
            md.append("\n## Sensitivity to perturbed inputs\n\nPass rate on the variant (flip rate: originals that passed and whose variant failed).\n\n| variant |");
            targets.fieldNames().forEachRemaining(t -> md.append(' ').append(Markdown.inline(t, 40)).append(" |"));
            md.append("\n|---|").append("---|".repeat(targets.size())).append('\n');
            for (String v : variants) {
                md.append("| ").append(Markdown.inline(v, 40)).append(" |");
                targets.fields().forEachRemaining(e -> {
                    JsonNode n = e.getValue().path("robustness").path("by_variant").path(v);
                    md.append(' ').append(Figures.percent(n.path("pass_rate"), "–")).append(" (flip ").append(Figures.percent(n.path("flip_rate"), "–")).append(") |");
                });
                md.append('\n');
            }
        }
        StringBuilder lines = new StringBuilder();
        targets.fields().forEachRemaining(e -> line(lines, e));
        if (!lines.isEmpty()) md.append("\n## Behaviour under uncertainty\n\n").append(lines);
        return md.toString();
    }

    private static void line(StringBuilder out, Map.Entry<String, JsonNode> target) {
        JsonNode r = target.getValue().path("robustness");
        StringBuilder parts = new StringBuilder();
        JsonNode esc = r.path("escalation");
        if (esc.path("n_expecting_escalation").asLong() > 0) {
            parts.append("escalates when it should ").append(Figures.percent(esc.path("appropriate_rate"), "–"))
                    .append(" (n=").append(esc.path("n_expecting_escalation").asLong()).append("); ");
        }
        if (esc.path("n_expecting_answer").asLong() > 0) {
            parts.append("escalates when it should answer ").append(Figures.percent(esc.path("over_rate"), "–"))
                    .append(" (n=").append(esc.path("n_expecting_answer").asLong()).append("); ");
        }
        if (r.path("confident_wrong").path("count").asLong() > 0) {
            parts.append("confidently wrong ").append(Figures.percent(r.path("confident_wrong").path("rate"), "–")).append(" of calls; ");
        }
        JsonNode inv = r.path("invented_references");
        if (inv.path("items_total").asLong() > 0) {
            parts.append("invented references ").append(String.format(java.util.Locale.ROOT, "%.1f", inv.path("per_100_calls").asDouble()))
                    .append(" per 100 calls (e.g. `")
                    .append(Markdown.inline(inv.path("items").fieldNames().next(), 60)).append("`); ");
        }
        if (r.path("unmeasured").path("total").asLong() > 0) {
            parts.append(r.path("unmeasured").path("total").asLong()).append(" verdicts unmeasured; ");
        }
        if (!parts.isEmpty()) {
            parts.setLength(parts.length() - 2);
            out.append("- **").append(Markdown.inline(target.getKey(), 40)).append("**: ").append(parts).append('\n');
        }
    }
}
