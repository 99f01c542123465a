package dev.fieldtest.history;

import java.util.List;

/**
 * One call of a run, as stored in table {@code calls}: the columns a query filters on, plus the results.jsonl line
 * itself ({@code rowJson}, docs/results-jsonl.md) for everything else. Nullable: variant, error, latencyMs (never
 * null for a written row, kept nullable for rows from other sources), ttftMs, costUsd, inputTokens, outputTokens.
 *
 * @param line the 1-based line of results.jsonl this call was read from
 */
public record CallRow(String runId, int line, String target, String caseId, int repeat, String variant, boolean passed,
                      String error, Double latencyMs, Double ttftMs, Double costUsd, Long inputTokens, Long outputTokens,
                      List<String> tags, String rowJson) {
    public CallRow {
        tags = List.copyOf(tags);
    }
}
