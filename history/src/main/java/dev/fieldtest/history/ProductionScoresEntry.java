package dev.fieldtest.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code production_scores} (migration V5, docs/online-scoring.md): a production span scored by a suite's
 * checks. Immutable.
 *
 * @param model         response model, else request model ({@code (unknown)} when the span named neither)
 * @param failedChecks  names of the checks whose verdict did not pass, unmeasured included
 * @param verdictsJson  the verdicts as a JSON array, in results.jsonl's shape
 * @param graderCostUsd what the checks' graders (judges) cost for this span
 */
public record ProductionScoresEntry(String traceId, String spanId, String suite, String feature, String model, Instant startedAt,
                                    boolean passed, List<String> failedChecks, String verdictsJson, double graderCostUsd) {
    public ProductionScoresEntry {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(verdictsJson, "verdictsJson");
        failedChecks = List.copyOf(failedChecks);
        if (failedChecks.stream().anyMatch(c -> c.contains("\u001f"))) throw new IllegalArgumentException("a check name cannot contain U+001F");
    }
}
