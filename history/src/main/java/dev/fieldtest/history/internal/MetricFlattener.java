package dev.fieldtest.history.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.history.TargetMetric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one target's JSON object into its numeric leaves, keyed by dotted path; array items are keyed by index. */
final class MetricFlattener {
    private MetricFlattener() {}

    /** {@code skip}: top-level keys that are not figures (a load target's id and settings). First path wins on a clash. */
    static List<TargetMetric> flatten(String target, JsonNode object, Set<String> skip) {
        Map<String, Double> out = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (!skip.contains(e.getKey())) walk(e.getKey(), e.getValue(), out);
        });
        return out.entrySet().stream().map(e -> new TargetMetric(target, e.getKey(), e.getValue())).toList();
    }

    private static void walk(String path, JsonNode node, Map<String, Double> out) {
        if (node.isNumber()) {
            double v = node.asDouble();
            if (Double.isFinite(v)) out.putIfAbsent(path, v);
        } else if (node.isObject()) {
            node.properties().forEach(e -> walk(path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(path + "." + i, node.get(i), out);
        }
    }
}
