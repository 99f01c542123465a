package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.run.AtomicFiles;
import dev.fieldtest.core.spi.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.md: a page short enough for a pull-request comment — one row per target with intervals and
 * sample sizes, the worst slice, and the first failing calls. Everything taken from a model or a dataset
 * is escaped with {@link Markdown#inline}.
 */
public final class MarkdownReporter implements Reporter {
    private static final int FAILURES_PER_TARGET = 5;

    @Override
    public String fileName() {
        return "report.md";
    }

    @Override
    public void write(Path runDir, JsonNode summary, List<ScoredCall> rows) throws IOException {
        AtomicFiles.writeString(runDir.resolve(fileName()), render(summary, rows));
    }

    public String render(JsonNode s, List<ScoredCall> rows) {
        StringBuilder md = new StringBuilder();
        JsonNode suite = s.path("provenance").path("suite");
        md.append("# fieldtest: ").append(Markdown.inline(suite.path("name").asText(), 80)).append("\n\n");
        md.append("> ").append(s.path("notice").asText()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Run `%s` · %s · %d of %d calls · repeat %d · %.1f s · suite sha256 `%.12s`%n%n",
                Markdown.inline(s.path("run_id").asText(), 40), s.path("status").asText(), s.path("completed_calls").asInt(),
                s.path("planned_calls").asInt(), s.path("repeat").asInt(), s.path("wall_ms").asLong() / 1000.0, suite.path("sha256").asText()));
        if (s.hasNonNull("abort_reason")) md.append("**Aborted:** ").append(Markdown.inline(s.path("abort_reason").asText(), 300)).append("\n\n");
        if (s.path("partial").isObject()) md.append("**Partial:** ").append(Markdown.inline(s.path("partial").path("reason").asText(), 300))
                .append(String.format(Locale.ROOT, "; %d of %d planned calls made.\n\n", s.path("partial").path("completed").asInt(), s.path("partial").path("planned").asInt()));
        int k = s.path("repeat").asInt();
        md.append("| target | calls | pass rate (95% CI) | pass@").append(k).append(" | pass^").append(k)
                .append(" | latency p50 / p95 | cost per success | errors | throttled | worst slice |\n");
        md.append("|---|---:|---|---:|---:|---|---:|---:|---:|---|\n");
        s.path("targets").fields().forEachRemaining(e -> md.append(targetRow(e.getKey(), e.getValue(), k)));
        md.append("\nPass rate counts every call, failed calls included. Full metrics: `summary.json`; every call: `results.jsonl`.\n");
        String cached = CachedCalls.note(s.path("targets"), id -> Markdown.inline(id, 40));
        if (!cached.isEmpty()) md.append('\n').append(cached).append('\n');
        md.append(FallbackSection.markdown(s.path("targets")));
        md.append(RobustnessSection.render(s.path("targets")));
        md.append(PropertiesSection.render(s));
        appendFailures(md, rows);
        return md.toString();
    }

    private static String targetRow(String id, JsonNode t, int k) {
        JsonNode pr = t.path("pass_rate");
        JsonNode worst = t.path("worst_slice");
        return String.format(Locale.ROOT, "| %s | %d | %s (%s–%s) | %s | %s | %s / %s ms | %s | %d | %d | %s |%n",
                Markdown.inline(id, 40), t.path("calls").asLong(), pct(pr.path("value")), pct(pr.path("ci95").path(0)),
                pct(pr.path("ci95").path(1)), pct(t.path("pass_at_k").path(String.valueOf(k))), pct(t.path("pass_all_k").path(String.valueOf(k))),
                num(t.path("latency_ms").path("p50")), num(t.path("latency_ms").path("p95")), usd(t.path("cost_usd").path("per_success")),
                t.path("errors").asLong(), t.path("throttled").asLong(),
                worst.isObject() ? Markdown.inline(worst.path("name").asText(), 30) + " " + pct(worst.path("pass_rate")) + " (n=" + worst.path("n").asInt() + ")" : "–");
    }

    private static void appendFailures(StringBuilder md, List<ScoredCall> rows) {
        Map<String, List<ScoredCall>> failing = rows.stream().filter(r -> !r.pass())
                .collect(java.util.stream.Collectors.groupingBy(r -> r.observation().targetId(), java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        if (failing.isEmpty()) return;
        md.append("\n## First failing calls\n\n");
        failing.forEach((target, list) -> {
            md.append("**").append(Markdown.inline(target, 40)).append("** (").append(list.size()).append(" failing)\n\n");
            list.stream().limit(FAILURES_PER_TARGET).forEach(r -> md.append("- `").append(Markdown.inline(r.observation().caseId(), 60))
                    .append("` #").append(r.observation().repeatIndex()).append(": ").append(reason(r)).append('\n'));
            md.append('\n');
        });
    }

    private static String reason(ScoredCall r) {
        if (!r.observation().succeeded()) {
            return r.observation().error().wireName() + " — " + Markdown.inline(r.observation().errorMessage(), 120);
        }
        return r.verdicts().stream().filter(v -> !v.pass()).map(MarkdownReporter::verdict).reduce((a, b) -> a + "; " + b).orElse("failed");
    }

    private static String verdict(Verdict v) {
        return Markdown.inline(v.check(), 30) + ": " + Markdown.inline(v.detail(), 120);
    }

    private static String pct(JsonNode n) {
        return Figures.percent(n, "–");
    }

    private static String num(JsonNode n) {
        return Figures.millis(n, "–");
    }

    private static String usd(JsonNode n) {
        String v = Figures.usd(n, null);
        return v == null ? "–" : "$" + v;
    }
}
