package dev.fieldtest.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The {@code fallback} object of a target in summary.json (docs/summary-json.md), present only for a target with
 * a fallback chain:
 * <pre>
 * primary_failures, recovered                                   integers
 * recovery_rate     {value, ci95, n}                            recovered / primary_failures, Wilson 95 %
 * added_latency_ms  {p50, p95, n}                               failed hops' wall time of recovered calls
 * cost_usd_of_fallback                                          USD billed by every hop after the primary
 * pass_rate_when_primary_answered  {value, ci95, n, passes}
 * pass_rate_when_fallback_answered {value, ci95, n, passes}
 * </pre>
 * Values with no calls behind them are null. Stateless.
 */
final class FallbackJson {
    private FallbackJson() {}

    static void put(ObjectNode target, FallbackAggregate f) {
        if (f.calls() == 0) return;
        ObjectNode out = target.putObject("fallback");
        out.put("primary_failures", f.primaryFailures());
        out.put("recovered", f.recovered());
        rate(out.putObject("recovery_rate"), f.recovered(), f.primaryFailures());
        LatencyHistogram added = f.addedLatency();
        ObjectNode lat = out.putObject("added_latency_ms");
        lat.put("p50", added.count() == 0 ? null : TargetSummaryJson.round(added.percentileMs(50).getAsDouble()));
        lat.put("p95", added.count() == 0 ? null : TargetSummaryJson.round(added.percentileMs(95).getAsDouble()));
        lat.put("n", added.count());
        out.put("cost_usd_of_fallback", TargetSummaryJson.round(f.fallbackCostUsd().max(BigDecimal.ZERO)));
        ObjectNode primary = out.putObject("pass_rate_when_primary_answered");
        rate(primary, f.primaryAnswered().passes(), f.primaryAnswered().n());
        primary.put("passes", f.primaryAnswered().passes());
        ObjectNode fallback = out.putObject("pass_rate_when_fallback_answered");
        rate(fallback, f.fallbackAnswered().passes(), f.fallbackAnswered().n());
        fallback.put("passes", f.fallbackAnswered().passes());
    }

    private static void rate(ObjectNode node, long hits, long n) {
        node.put("value", n == 0 ? null : TargetSummaryJson.round((double) hits / n));
        TargetSummaryJson.putCi95(node, hits, n);
        node.put("n", n);
    }
}
