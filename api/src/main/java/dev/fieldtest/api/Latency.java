package dev.fieldtest.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Latency percentiles in milliseconds over successful calls (summary.json {@code latency_ms}); null without any. Immutable. */
public record Latency(Double p50, Double p90, Double p95, Double p99, Double max, long n) {
    static Latency of(JsonNode n) {
        return new Latency(Json.number(n.path("p50")), Json.number(n.path("p90")), Json.number(n.path("p95")),
                Json.number(n.path("p99")), Json.number(n.path("max")), n.path("n").asLong(0));
    }

    /** The p95 as a duration (rounded to the nanosecond); null when no call succeeded. */
    public Duration p95Duration() {
        return p95 == null ? null : Duration.ofNanos(Math.round(p95 * 1e6));
    }
}
