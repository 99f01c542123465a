package dev.fieldtest.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads summary.json values: a missing or null number is null, never 0. */
final class Json {
    private Json() {}

    static Double number(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asDouble();
    }

    /** {"1": 0.7, "3": 0.8} as k → value, in k order. */
    static Map<Integer, Double> byK(JsonNode n) {
        Map<Integer, Double> out = new TreeMap<>();
        n.properties().forEach(e -> out.put(Integer.valueOf(e.getKey()), number(e.getValue())));
        return java.util.Collections.unmodifiableMap(out);
    }

    static <T> Map<String, T> fields(JsonNode n, java.util.function.Function<JsonNode, T> read) {
        Map<String, T> out = new LinkedHashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), read.apply(e.getValue())));
        return java.util.Collections.unmodifiableMap(out);
    }
}
