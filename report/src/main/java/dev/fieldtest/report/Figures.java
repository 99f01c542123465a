package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How summary numbers read in every human-facing format; a missing or null value reads as {@code missing}. */
public final class Figures {
    private Figures() {}

    /** A rate as a percentage with one decimal: {@code 72.6%}. */
    public static String percent(JsonNode n, String missing) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f%%", 100 * n.asDouble()) : missing;
    }

    /** Milliseconds, whole. */
    public static String millis(JsonNode n, String missing) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.0f", n.asDouble()) : missing;
    }

    /** USD to three significant digits: per-call costs are often fractions of a cent. */
    public static String usd(JsonNode n, String missing) {
        return n.isNumber() ? new BigDecimal(n.asDouble()).round(new MathContext(3)).stripTrailingZeros().toPlainString() : missing;
    }
}
