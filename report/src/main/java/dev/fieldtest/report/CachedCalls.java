package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The line that says how many calls a response cache answered (summary.json {@code cached_calls}, docs/cache.md). */
public final class CachedCalls {
    private CachedCalls() {}

    /**
     * "Answered from the response cache: a 9 of 9 calls, …" naming only targets with a cached call; empty when none
     * had one. {@code name} escapes a target id for the medium the line goes to.
     */
    public static String note(JsonNode targets, UnaryOperator<String> name) {
        List<String> parts = new ArrayList<>();
        targets.fields().forEachRemaining(e -> {
            long cached = e.getValue().path("cached_calls").asLong();
            if (cached > 0) parts.add(name.apply(e.getKey()) + " " + cached + " of " + e.getValue().path("calls").asLong() + " calls");
        });
        if (parts.isEmpty()) return "";
        return "Answered from the response cache: " + String.join(", ", parts)
                + " (their output, tokens, cost and latency are the original calls').";
    }
}
