package dev.fieldtest.history;

import java.time.Instant;

/** The raw rows the ledger reads from the history, before {@link LedgerGap} and {@link LedgerProduction} compute with them. */
public final class LedgerRows {
    private LedgerRows() {}

    /** A recorded run (kind run) with its summary.json text. */
    public record Run(String runId, Instant startedAt, String suite, String summaryJson) {}

    /**
     * One production span, the columns the ledger needs.
     *
     * @param model the response model, else the request model; null when the span names neither
     * @param error error.type, null when the call succeeded
     */
    public record Span(String feature, String model, Instant startedAt, Double durationMs, Double ttftMs, String error, Double costUsd) {}

    /** One online-scored production span. */
    public record Score(String feature, String model, Instant startedAt, boolean passed) {}
}
