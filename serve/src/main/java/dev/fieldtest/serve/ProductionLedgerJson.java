package dev.fieldtest.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.history.Claim;
import dev.fieldtest.history.LedgerGap;
import dev.fieldtest.history.LedgerOffline;
import dev.fieldtest.history.LedgerWindow;
import dev.fieldtest.history.ProductionScoresWindow;
import dev.fieldtest.history.ProductionSpansMetrics;

/** {@code /api/production} and {@code /api/ledger}: the production and ledger pages' numbers as JSON (field names in docs/serve.md). */
final class ProductionLedgerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductionLedgerJson() {}

    static Reply production(ProductionPage.Data d) {
        ObjectNode o = JSON.createObjectNode().put("window", d.report().window().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode rows = o.putArray("rows");
        for (ProductionSpansMetrics.Row r : d.report().rows()) {
            rows.addObject().put("feature", r.feature()).put("model", r.model()).put("window_start", r.window().toString()).put("calls", r.calls())
                    .put("errors", r.errors()).put("error_rate", r.errorRate()).put("throttled", r.throttled()).put("throttle_rate", r.throttleRate())
                    .put("latency_ms_p50", r.latencyP50()).put("latency_ms_p95", r.latencyP95()).put("latency_ms_p99", r.latencyP99()).put("latency_n", r.latencyN())
                    .put("ttft_ms_p50", r.ttftP50()).put("ttft_ms_p95", r.ttftP95()).put("ttft_n", r.ttftN()).put("input_tokens", r.inputTokens())
                    .put("output_tokens", r.outputTokens()).put("cost_usd", r.costUsd()).put("cost_usd_per_call", r.costPerCall()).put("priced_calls", r.pricedCalls());
        }
        ArrayNode changes = o.putArray("changes");
        for (var c : d.report().changes()) {
            changes.addObject().put("feature", c.feature()).put("kind", c.kind()).put("model", c.model()).put("from", c.from()).put("to", c.to())
                    .put("at", c.at().toString()).put("trace_id", c.traceId()).put("span_id", c.spanId());
        }
        ArrayNode scores = o.putArray("pass_rates");
        for (ProductionPage.Scored s : d.scores()) {
            ProductionScoresWindow w = s.window();
            scores.addObject().put("suite", s.suite()).put("feature", w.feature()).put("model", w.model()).put("window_start", w.start().toString())
                    .put("n", w.n()).put("passed", w.passed()).put("pass_rate", w.passRate()).put("ci95_lo", w.interval().lo()).put("ci95_hi", w.interval().hi());
        }
        return Reply.json(200, write(o));
    }

    static Reply ledger(LedgerPage.Data d) {
        ArrayNode all = JSON.createArrayNode();
        for (LedgerGap g : d.shown()) {
            ObjectNode o = all.addObject().put("feature", g.feature()).put("vendor", g.model().vendor()).put("model", g.model().model()).put("metric", g.metric());
            ArrayNode claims = o.putArray("claims");
            for (Claim c : g.claims()) {
                claims.addObject().put("id", c.id()).put("value", c.value()).put("version", c.version()).put("source", c.source()).put("claimed_on", c.claimedOn().toString());
            }
            ArrayNode offline = o.putArray("offline");
            for (LedgerOffline x : g.offline()) {
                offline.addObject().put("run_id", x.runId()).put("started_at", x.startedAt() == null ? null : x.startedAt().toString()).put("target", x.target())
                        .put("value", x.value()).put("ci95_lo", x.lo()).put("ci95_hi", x.hi()).put("n", x.n());
            }
            ArrayNode prod = o.putArray("production");
            for (LedgerWindow w : g.production()) {
                prod.addObject().put("week_of", w.weekOf().toString()).put("n", w.n()).put("value", w.value()).put("ci95_lo", w.lo()).put("ci95_hi", w.hi());
            }
            o.put("claimed_minus_offline", g.claimedMinusOffline()).put("offline_minus_production", g.offlineMinusProd());
            if (g.realisation() == null) o.putNull("realisation");
            else o.putObject("realisation").put("n", g.realisation().n()).put("ratio", g.realisation().ratio()).put("min", g.realisation().min())
                    .put("max", g.realisation().max()).put("expected", g.expected());
        }
        return Reply.json(200, write(all));
    }

    private static String write(Object tree) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }
}
