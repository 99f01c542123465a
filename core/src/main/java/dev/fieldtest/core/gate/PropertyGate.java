package dev.fieldtest.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fieldtest.core.config.Property;
import dev.fieldtest.core.gate.PropertyResult.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a suite's properties against a finished summary: each property once per concrete path its metric
 * matches. A value passes when {@code min ≤ value ≤ max} (bounds inclusive, an absent bound unchecked); a
 * path that does not exist, a null, or a value that is not a number is missing, with the reason. Stateless.
 */
public final class PropertyGate {
    private PropertyGate() {}

    public static List<PropertyResult> evaluate(List<Property> properties, JsonNode summary) {
        List<PropertyResult> out = new ArrayList<>();
        for (Property p : properties) {
            for (MetricPath.Match m : MetricPath.expand(summary, p.segments())) out.add(judge(p, m));
        }
        return out;
    }

    /** The results as summary.json's {@code properties} array. */
    public static ArrayNode toJson(List<PropertyResult> results) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        results.forEach(r -> a.add(r.toJson()));
        return a;
    }

    /** The elements of a summary's {@code properties} array that did not pass (failed or missing). */
    public static List<JsonNode> notPassing(JsonNode summary) {
        List<JsonNode> out = new ArrayList<>();
        summary.path("properties").forEach(p -> {
            if (!Status.PASS.wire().equals(p.path("status").asText())) out.add(p);
        });
        return out;
    }

    private static PropertyResult judge(Property p, MetricPath.Match m) {
        JsonNode v = m.value();
        if (v == null) return result(p, m, null, Status.MISSING, m.absent());
        if (v.isNull()) return result(p, m, null, Status.MISSING, m.path() + " is null: it could not be computed in this run (see docs/summary-json.md)");
        if (!v.isNumber()) {
            String what = v.isObject() ? "an object with keys " + String.join(", ", iterable(v)) : v.isArray() ? "a list" : "the text " + v;
            return result(p, m, null, Status.MISSING, m.path() + " is " + what + ", not a number");
        }
        double x = v.doubleValue();
        if (p.min() != null && x < p.min()) {
            return result(p, m, x, Status.FAIL, PropertyResult.format(x) + " is below min " + PropertyResult.format(p.min()));
        }
        if (p.max() != null && x > p.max()) {
            return result(p, m, x, Status.FAIL, PropertyResult.format(x) + " is above max " + PropertyResult.format(p.max()));
        }
        return result(p, m, x, Status.PASS, null);
    }

    private static List<String> iterable(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static PropertyResult result(Property p, MetricPath.Match m, Double value, Status status, String reason) {
        return new PropertyResult(p.name(), m.path(), m.target(), value, p.min(), p.max(), status, p.owner(), p.review(), reason);
    }
}
