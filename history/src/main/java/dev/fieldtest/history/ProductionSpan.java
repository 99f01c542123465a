package dev.fieldtest.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One production call read from an OpenTelemetry GenAI span or a JSONL log line: a row of {@code production_spans}
 * (docs/production.md). Ids are lowercase hex; {@code feature} is never null ({@link #NO_FEATURE} when the span named
 * none); every other field may be null when the span did not say. Immutable.
 *
 * @param attributesJson every span attribute as one JSON object (never null; "{}" when there were none)
 */
public record ProductionSpan(
        String traceId,
        String spanId,
        String feature,
        String operation,
        String provider,
        String requestModel,
        String responseModel,
        String systemFingerprint,
        String serverAddress,
        Instant startedAt,
        Double durationMs,
        Double ttftMs,
        Long inputTokens,
        Long outputTokens,
        List<String> finishReasons,
        String errorType,
        String inputMessages,
        String outputMessages,
        Double costUsd,
        String attributesJson) {
    /** The feature of a span that carries no grouping attribute. */
    public static final String NO_FEATURE = "(none)";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public ProductionSpan {
        if (traceId == null || !HEX.matcher(traceId).matches()) throw new IllegalArgumentException("trace_id must be lowercase hex, but was " + traceId);
        if (spanId == null || !HEX.matcher(spanId).matches()) throw new IllegalArgumentException("span_id must be lowercase hex, but was " + spanId);
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(startedAt, "startedAt");
        finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
        attributesJson = attributesJson == null ? "{}" : attributesJson;
    }

    /** The model that answered: the response model, else the requested one, else "(unknown)". */
    public String model() {
        return responseModel != null ? responseModel : requestModel != null ? requestModel : "(unknown)";
    }

    /** A copy with another cost (pricing is applied after mapping). */
    public ProductionSpan withCost(Double cost) {
        return new ProductionSpan(traceId, spanId, feature, operation, provider, requestModel, responseModel, systemFingerprint, serverAddress,
                startedAt, durationMs, ttftMs, inputTokens, outputTokens, finishReasons, errorType, inputMessages, outputMessages, cost, attributesJson);
    }
}
