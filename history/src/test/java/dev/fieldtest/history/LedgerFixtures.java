package dev.fieldtest.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-written run directories whose target names a model and a base_url, for the ledger's tests. */
final class LedgerFixtures {
    private LedgerFixtures() {}

    /** A run of {@code suite} with one target {@code id} of {@code model} at {@code baseUrl}: pass rate, its ci95, latency p95 150 ms. */
    static Path run(Path dir, String runId, String startedAt, String suite, String id, String model, String baseUrl, double passRate, double lo, double hi)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), """
                {"schema_version": 1, "run_id": "%s", "status": "complete", "abort_reason": null,
                 "started_at": "%s", "finished_at": "%s", "wall_ms": 1000, "planned_calls": 50, "completed_calls": 50, "repeat": 1, "concurrency": 2,
                 "targets": {"%s": {"calls": 50, "errors": 0, "cases": 50,
                   "pass_rate": {"value": %s, "ci95": [%s, %s], "n": 50, "passes": 0},
                   "latency_ms": {"p50": 100.0, "p95": 150.0, "n": 50}}},
                 "provenance": {"fieldtest_version": "0.1.0-test", "java_version": "21",
                   "suite": {"name": "%s", "description": null, "file": "suite.yaml", "sha256": "ab"},
                   "targets": {"%s": {"id": "%s", "type": "openai", "base_url": "%s", "model": "%s"}}},
                 "properties": []}
                """.formatted(runId, startedAt, startedAt, id, passRate, lo, hi, suite, id, id, baseUrl, model));
        Files.writeString(dir.resolve("results.jsonl"), "");
        return dir;
    }
}
