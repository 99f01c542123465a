package dev.fieldtest.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a target's calls cost in USD (summary.json {@code cost_usd}). {@code perSuccess} is the cost of all calls,
 * failed ones included, divided by passing calls; null when nothing passed. Immutable.
 */
public record Cost(double total, Double perCall, Double perSuccess) {
    static Cost of(JsonNode n) {
        return new Cost(n.path("total").asDouble(0), Json.number(n.path("per_call")), Json.number(n.path("per_success")));
    }
}
