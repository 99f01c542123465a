package dev.fieldtest.serve.otlp;

import java.util.List;

/**
 * The spans of one ExportTraceServiceRequest: those decoded, and how many were unusable (bad ids) with the first
 * reason, which OTLP reports back as a partial success.
 */
public record OtlpBatch(List<OtlpSpan> spans, int rejected, String firstProblem) {
    public OtlpBatch {
        spans = List.copyOf(spans);
    }
}
