package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.history.ProductionSpansMetrics;

/** {@code fieldtest production --json}: {window, rows: [...], changes: [...]}, field names as docs/production.md lists them. */
final class ProductionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductionJson() {}

    static String render(ProductionSpansMetrics.Report r) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("window", r.window().name().toLowerCase());
        var rows = root.putArray("rows");
        for (var row : r.rows()) {
            rows.addObject().put("feature", row.feature()).put("model", row.model()).put("window_start", row.window().toString())
                    .put("calls", row.calls()).put("errors", row.errors()).put("error_rate", row.errorRate()).put("throttled", row.throttled())
                    .put("throttle_rate", row.throttleRate()).put("latency_n", row.latencyN()).put("latency_p50_ms", row.latencyP50())
                    .put("latency_p95_ms", row.latencyP95()).put("latency_p99_ms", row.latencyP99()).put("ttft_n", row.ttftN())
                    .put("ttft_p50_ms", row.ttftP50()).put("ttft_p95_ms", row.ttftP95()).put("input_tokens", row.inputTokens())
                    .put("output_tokens", row.outputTokens()).put("cost_usd", row.costUsd()).put("priced_calls", row.pricedCalls())
                    .put("cost_per_call_usd", row.costPerCall());
        }
        var changes = root.putArray("changes");
        for (var c : r.changes()) {
            changes.addObject().put("feature", c.feature()).put("kind", c.kind()).put("model", c.model()).put("from", c.from()).put("to", c.to())
                    .put("at", c.at().toString()).put("window_start", c.window().toString()).put("trace_id", c.traceId()).put("span_id", c.spanId());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
