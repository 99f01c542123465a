package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formats shared by the load report and chart: fixed rounding, no trailing zeros, no locale. */
final class LoadFigures {
    /** What a figure that was not measured reads as. */
    static final String MISSING = "—";

    private LoadFigures() {}

    /** A rate or a count of seconds to one decimal at most: {@code 9.9}, {@code 40}; {@link #MISSING} if absent. */
    static String number(JsonNode n) {
        return n.isNumber() && Double.isFinite(n.asDouble()) ? decimals(n.asDouble(), 1) : MISSING;
    }

    static String decimals(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** An axis tick: six significant digits, so that {@code 3 × 0.1} reads {@code 0.3}. */
    static String tick(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** What load a step put on the target: {@code 10 rps} for an open step, {@code 4 users} for a closed one (virtual users). */
    static String load(JsonNode step) {
        return "closed".equals(step.path("kind").asText())
                ? number(step.path("concurrency")) + (step.path("concurrency").asInt() == 1 ? " user" : " users")
                : number(step.path("offered_rps")) + " rps";
    }
}
