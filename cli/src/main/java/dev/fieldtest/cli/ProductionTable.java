package dev.fieldtest.cli;

import dev.fieldtest.history.ProductionSpansChanges;
import dev.fieldtest.history.ProductionSpansMetrics;
import java.util.Locale;

/** The text table {@code fieldtest production} prints: one line per feature × model × window, then the change points. */
final class ProductionTable {
    private ProductionTable() {}

    static String render(ProductionSpansMetrics.Report r) {
        if (r.rows().isEmpty()) return "No production calls match.\n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-16s %-24s %-10s %7s %7s %7s %9s %9s %9s %9s %9s %10s %10s %10s%n", "feature", "model",
                r.window() == ProductionSpansMetrics.Window.DAY ? "day" : "week of", "calls", "errors", "429s", "p50 ms", "p95 ms", "p99 ms",
                "ttft p50", "ttft p95", "tokens in", "tokens out", "$/call"));
        for (var row : r.rows()) {
            b.append(String.format(Locale.ROOT, "%-16s %-24s %-10s %7d %6.1f%% %6.1f%% %9s %9s %9s %9s %9s %10d %10d %10s%n", row.feature(), row.model(),
                    row.window(), row.calls(), 100 * row.errorRate(), 100 * row.throttleRate(), ms(row.latencyP50()), ms(row.latencyP95()),
                    ms(row.latencyP99()), ms(row.ttftP50()), ms(row.ttftP95()), row.inputTokens(), row.outputTokens(),
                    row.costPerCall() == null ? "-" : String.format(Locale.ROOT, "%.6f", row.costPerCall())));
        }
        b.append("Latency over successful calls (n per row in --json); $/call over priced calls.\n");
        if (r.changes().isEmpty()) {
            b.append("No silent model changes.\n");
        } else {
            b.append("Silent model changes:\n");
            for (ProductionSpansChanges.Change c : r.changes()) {
                b.append(String.format(Locale.ROOT, "  %s  %s  %s: %s %s -> %s (first in %s/%s)%n", c.at(), c.feature(), c.model(), c.kind(), c.from(), c.to(),
                        c.traceId(), c.spanId()));
            }
        }
        return b.toString();
    }

    private static String ms(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}
