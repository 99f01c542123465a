package dev.fieldtest.api;

/**
 * A pass rate as summary.json gives it: passes of n, and the Wilson 95% interval [lower, upper]. Value and
 * bounds are null when n is 0. Immutable.
 */
public record Rate(Double value, Double lower, Double upper, long n, long passes) {
    static Rate of(com.fasterxml.jackson.databind.JsonNode node, Long passes) {
        Double value = Json.number(node.path("value"));
        long n = node.path("n").asLong(0);
        var ci = node.path("ci95");
        long p = passes != null ? passes : node.has("passes") ? node.path("passes").asLong() : value == null ? 0 : Math.round(value * n);
        return new Rate(value, Json.number(ci.path(0)), Json.number(ci.path(1)), n, p);
    }
}
