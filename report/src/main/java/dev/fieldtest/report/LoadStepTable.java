package dev.fieldtest.report;

import static dev.fieldtest.report.LoadFigures.MISSING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The steps table of one target in the load report, one row per step in load.json order, followed by a list
 * that gives the reason of every invalid step and the SLO breaks of every step that broke one.
 */
final class LoadStepTable {
    private static final String HEADER = """
            | step | offered | achieved | corrected p50 / p95 / p99 ms | service p99 ms | TTFT p95 ms | errors | 429s \
            | goodput | quality | cost per success | valid | SLO |
            |---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---|---|
            """;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private LoadStepTable() {}

    static String render(JsonNode steps) {
        StringBuilder md = new StringBuilder(HEADER);
        List<String> notes = new ArrayList<>();
        for (JsonNode step : steps) md.append(row(step, notes)).append('\n');
        for (JsonNode step : steps) {
            List<String> breaks = new ArrayList<>();
            step.path("breaks").forEach(b -> breaks.add(Markdown.inline(b.asText(), 200)));
            if (!breaks.isEmpty()) notes.add("Step " + step.path("index").asInt() + " broke its SLOs: " + String.join("; ", breaks));
        }
        if (!notes.isEmpty()) md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static String row(JsonNode s, List<String> notes) {
        JsonNode corrected = s.path("latency_ms").path("corrected");
        JsonNode quality = s.path("quality");
        boolean open = !"closed".equals(s.path("kind").asText());
        String achieved = LoadFigures.number(s.path("achieved_rps"));
        if (!achieved.equals(MISSING)) achieved += " rps";
        if (open && s.path("achieved_share").isNumber()) achieved += " (" + Figures.percent(s.path("achieved_share"), MISSING) + ")";
        String valid = "✓";
        if (s.path("valid").isBoolean() && !s.path("valid").asBoolean()) {
            notes.add(superscript(notes.size() + 1) + " Step " + s.path("index").asInt() + " is invalid: "
                    + Markdown.inline(s.path("invalid_reason").asText("no reason recorded"), 200));
            valid = "invalid" + superscript(notes.size());
        }
        String slo = s.path("meets_slo").isBoolean() ? (s.path("meets_slo").asBoolean() ? "✓" : "✗") : MISSING;
        String usd = Figures.usd(s.path("cost").path("per_success_usd"), null);
        return String.format(Locale.ROOT, "| %d | %s | %s | %s / %s / %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                s.path("index").asInt(), LoadFigures.load(s), achieved, ms(corrected.path("p50")), ms(corrected.path("p95")),
                ms(corrected.path("p99")), ms(s.path("latency_ms").path("service").path("p99")),
                ms(s.path("ttft_ms").path("corrected").path("p95")), Figures.percent(s.path("error_rate"), MISSING),
                s.path("throttled_429").isNumber() ? String.valueOf(s.path("throttled_429").asLong()) : MISSING,
                Figures.percent(s.path("goodput").path("share"), MISSING),
                quality.path("n").asInt() > 0 ? Figures.percent(quality.path("pass_rate"), MISSING) + " (n=" + quality.path("n").asInt() + ")" : MISSING,
                usd == null ? MISSING : "$" + usd, valid, slo);
    }

    private static String ms(JsonNode n) {
        return Figures.millis(n, MISSING);
    }

    private static String superscript(int n) {
        StringBuilder out = new StringBuilder();
        String.valueOf(n).chars().forEach(c -> out.append(SUPERSCRIPTS.charAt(c - '0')));
        return out.toString();
    }
}
