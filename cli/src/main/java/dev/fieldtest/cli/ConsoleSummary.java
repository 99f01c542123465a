package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import dev.fieldtest.report.Figures;
import java.util.Locale;

/** The short table printed after a run: one line per target, intervals and sample sizes included. */
final class ConsoleSummary {
    private ConsoleSummary() {}

    static String render(JsonNode summary) {
        int k = summary.path("repeat").asInt();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"target", "calls", "pass rate [95% CI]", "pass@" + k, "pass^" + k, "p50 ms", "p95 ms", "$/success", "errors", "429s", "worst slice"});
        summary.path("targets").fields().forEachRemaining(e -> {
            JsonNode t = e.getValue();
            JsonNode worst = t.path("worst_slice");
            rows.add(new String[] {
                e.getKey(), t.path("calls").asText(),
                pct(t.path("pass_rate").path("value")) + " [" + pct(t.path("pass_rate").path("ci95").path(0)) + ", " + pct(t.path("pass_rate").path("ci95").path(1)) + "]",
                pct(t.path("pass_at_k").path(String.valueOf(k))), pct(t.path("pass_all_k").path(String.valueOf(k))),
                num(t.path("latency_ms").path("p50")), num(t.path("latency_ms").path("p95")),
                usd(t.path("cost_usd").path("per_success")),
                t.path("errors").asText(), t.path("throttled").asText(),
                worst.isObject() ? worst.path("name").asText() + " " + pct(worst.path("pass_rate")) + " (n=" + worst.path("n").asText() + ")" : "-"});
        });
        int[] width = new int[rows.get(0).length];
        rows.forEach(r -> { for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length()); });
        StringBuilder out = new StringBuilder("\n");
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) out.append(String.format(Locale.ROOT, i == 0 || i == r.length - 1 ? "%-" + width[i] + "s  " : "%" + width[i] + "s  ", r[i]));
            while (out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
            out.append('\n');
        }
        String cached = dev.fieldtest.report.CachedCalls.note(summary.path("targets"), id -> id);
        if (!cached.isEmpty()) out.append(cached).append('\n');
        out.append(summary.path("notice").asText()).append('\n');
        return out.toString();
    }

    private static String pct(JsonNode n) {
        return Figures.percent(n, "-");
    }

    private static String num(JsonNode n) {
        return Figures.millis(n, "-");
    }

    private static String usd(JsonNode n) {
        return Figures.usd(n, "-");
    }
}
