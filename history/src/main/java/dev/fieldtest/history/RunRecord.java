package dev.fieldtest.history;

import dev.fieldtest.history.internal.RunDirectoryReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@link RunHistory#record} stores about one run. {@link #read(Path)} builds one from a run directory;
 * other sources (imported or production runs) may build one by hand.
 *
 * @param status      {@code complete} or {@code aborted}
 * @param summaryJson summary.json (or load.json) as written
 */
public record RunRecord(String runId, RunKind kind, String suite, Instant startedAt, Instant finishedAt, String status,
                        String runDir, String fieldtestVersion, String summaryJson, List<TargetMetric> metrics,
                        List<CallRow> calls) {
    public RunRecord {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("a run record needs a run_id");
        metrics = List.copyOf(metrics);
        calls = List.copyOf(calls);
    }

    /**
     * Reads a directory written by {@code fieldtest run} (summary.json, results.jsonl) or {@code fieldtest load}
     * (load.json; its requests are not stored as calls).
     *
     * @throws HistoryException naming the file when the directory holds no run or a file cannot be read
     */
    public static RunRecord read(Path runDir) {
        return RunDirectoryReader.read(runDir);
    }
}
