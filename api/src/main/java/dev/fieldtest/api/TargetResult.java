package dev.fieldtest.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One target's figures from summary.json ({@code targets.<id>}, docs/summary-json.md) and its calls. Immutable.
 *
 * @param passAtK  k → the unbiased pass@k estimate (at least one of k runs passes), for the k summary.json lists
 * @param passAllK k → pass^k (all k runs pass)
 * @param slices   case tag → its pass rate; a slice's passes are its value × n, rounded
 * @param rows     this target's calls, in the order results.jsonl holds them
 */
public record TargetResult(String id, long calls, long errors, Rate passRate, Map<Integer, Double> passAtK, Map<Integer, Double> passAllK,
                           Latency latencyMs, Cost costUsd, Map<String, Rate> slices, List<CallRow> rows) {
    public TargetResult {
        passAtK = Map.copyOf(passAtK);
        passAllK = Map.copyOf(passAllK);
        slices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slices));
        rows = List.copyOf(rows);
    }

    static TargetResult of(String id, JsonNode t, List<CallRow> rows) {
        Map<String, Rate> slices = Json.fields(t.path("slices"), s -> Rate.of(sliceAsRate(s), null));
        return new TargetResult(id, t.path("calls").asLong(), t.path("errors").asLong(), Rate.of(t.path("pass_rate"), null),
                Json.byK(t.path("pass_at_k")), Json.byK(t.path("pass_all_k")), Latency.of(t.path("latency_ms")), Cost.of(t.path("cost_usd")),
                slices, rows);
    }

    /** A slice is {n, pass_rate, ci95}; a pass rate is {value, ci95, n}. */
    private static JsonNode sliceAsRate(JsonNode s) {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.set("value", s.path("pass_rate"));
        node.set("ci95", s.path("ci95"));
        node.set("n", s.path("n"));
        return node;
    }

    /** The cost per passing call in USD; null when nothing passed. */
    public Double costPerSuccess() {
        return costUsd.perSuccess();
    }

    /** The calls that did not pass. */
    public List<CallRow> failures() {
        return rows.stream().filter(r -> !r.pass()).toList();
    }
}
