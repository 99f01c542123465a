package dev.fieldtest.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One property judged on a run (summary.json {@code properties}, docs/ci.md). Immutable.
 *
 * @param status {@code pass}, {@code fail} or {@code missing}
 * @param value  the number found; null when missing
 * @param reason why it failed or is missing; null when it passed
 */
public record PropertyOutcome(String name, String metric, String target, Double value, String status, String reason) {
    static PropertyOutcome of(JsonNode p) {
        return new PropertyOutcome(p.path("name").asText(), p.path("metric").asText(), p.path("target").isTextual() ? p.path("target").asText() : null,
                Json.number(p.path("value")), p.path("status").asText(), p.path("reason").isTextual() ? p.path("reason").asText() : null);
    }

    public boolean passed() {
        return "pass".equals(status);
    }
}
