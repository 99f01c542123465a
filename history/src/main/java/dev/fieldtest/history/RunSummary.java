package dev.fieldtest.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recorded run as listed by {@link RunHistory#runs()}: its row of table {@code runs} without the JSON text, how many
 * calls it stored, and per target (sorted by id) its {@link Headline}.
 *
 * @param status {@code complete} or {@code aborted}
 */
public record RunSummary(String runId, RunKind kind, String suite, Instant startedAt, Instant finishedAt, String status,
                         String runDir, String fieldtestVersion, long calls, Map<String, Headline> headline) {
    public RunSummary {
        headline = Collections.unmodifiableMap(new LinkedHashMap<>(headline));
    }

    /**
     * A target's {@link RunKind#headlineMetric()} and, where it is a rate, its sample size ({@link RunKind#headlineSampleMetric()}).
     * {@code value} is null when the run could not compute it (a target that made no call; a load target with no step
     * meeting its SLOs); {@code n} is null for a load run.
     */
    public record Headline(Double value, Long n) {}
}
