package dev.fieldtest.core.gate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One property judged on one concrete metric path: an element of summary.json's {@code properties} array
 * (docs/summary-json.md). Missing counts as failing the gate. Immutable.
 *
 * @param metric the concrete path ({@code *} expanded)
 * @param target the target id when the path runs under {@code targets.<id>}, else null
 * @param value  the number found, or null when missing
 * @param reason why it failed or is missing; null when it passed
 */
public record PropertyResult(String name, String metric, String target, Double value, Double min, Double max,
                             Status status, String owner, List<String> review, String reason) {
    /** How a property fared; {@link #wire()} is its name in summary.json and junit.xml. */
    public enum Status {
        PASS, FAIL, MISSING;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public PropertyResult {
        review = List.copyOf(review);
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        o.put("metric", metric);
        o.put("target", target);
        o.put("value", value);
        o.put("min", min);
        o.put("max", max);
        o.put("status", status.wire());
        o.put("owner", owner);
        review.forEach(o.putArray("review")::add);
        o.put("reason", reason);
        return o;
    }

    /** A number as people write it: 0.8, 250, 1.5E-5 — no trailing zeros, no float noise beyond what it holds. */
    public static String format(double d) {
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        return Math.abs(d) >= 1e-4 && Math.abs(d) < 1e12 || d == 0 ? b.toPlainString() : b.toString();
    }
}
