package dev.fieldtest.core.online;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One production GenAI span as the history stores it (table production_spans, docs/production.md): the
 * fields online scoring reads. Messages are the OpenTelemetry GenAI JSON text as recorded; nullable fields
 * are null when the span did not say. Immutable.
 */
public record OnlineSpan(String traceId, String spanId, String feature, String requestModel, String responseModel,
                             Instant startedAt, Double durationMs, Double ttftMs, Long inputTokens, Long outputTokens,
                             List<String> finishReasons, String errorType, String inputMessages, String outputMessages,
                             Double costUsd) {
    /** What pass rates group by when a span names no model. */
    public static final String UNKNOWN_MODEL = "(unknown)";

    public OnlineSpan {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(startedAt, "startedAt");
        finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
    }

    /** The response model, else the request model, else {@link #UNKNOWN_MODEL}. */
    public String model() {
        if (responseModel != null && !responseModel.isBlank()) return responseModel;
        return requestModel != null && !requestModel.isBlank() ? requestModel : UNKNOWN_MODEL;
    }
}
