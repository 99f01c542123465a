package dev.fieldtest.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-written run directories whose every number is known (shaped as docs/summary-json.md and docs/results-jsonl.md say). */
final class Fixtures {
    private Fixtures() {}

    /**
     * Target m, case a, three repeats: two pass (100 ms and 150 ms, 10 in / 4 out tokens, $0.0001 each), the third
     * times out after 30 s. pass_rate 2/3 = 0.666667 (6 significant digits, as summary.json rounds).
     */
    static Path run(Path dir, String runId, String startedAt, double passRate) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), """
                {"schema_version": 1, "run_id": "%s", "status": "complete", "abort_reason": null,
                 "started_at": "%s", "finished_at": "2026-11-23T23:59:59.5Z", "wall_ms": 5500,
                 "planned_calls": 3, "completed_calls": 3, "repeat": 3, "concurrency": 2,
                 "targets": {"m": {"calls": 3, "errors": 1, "throttled": 0, "retries": 0, "cases": 1,
                   "pass_rate": {"value": %s, "ci95": [0.207655, 0.938510], "n": 3, "passes": 2},
                   "latency_ms": {"p50": 100.0, "p90": 150.0, "p95": 150.0, "p99": 150.0, "max": 150.0, "n": 2},
                   "tokens": {"input": 20, "output": 8},
                   "cost_usd": {"total": 0.0002, "per_call": 6.66667e-05, "per_success": 0.0001},
                   "calibration": {"ece": null, "brier": null, "n": 0},
                   "slices": {"easy": {"n": 3, "pass_rate": %s, "ci95": [0.207655, 0.938510]}},
                   "worst_slice": null}},
                 "provenance": {"fieldtest_version": "0.1.0-test", "java_version": "21",
                   "suite": {"name": "capitals", "description": null, "file": "suite.yaml", "sha256": "ab"}}}
                """.formatted(runId, startedAt, passRate, passRate));
        String row = """
                {"run_id":"%s","target":"m","case_id":"a","repeat":%d,"tags":["easy"],"input":[{"role":"user","content":"Capital of France?"}],\
                "output":%s,"verdicts":[],"pass":%s,"score":%s,"variant":%s,"expect":null,"confidence":null,"error":%s,"error_message":null,\
                "tokens":%s,"latency_ms":%s,"ttft_ms":%s,"chunk_ms":[],"attempts":1,"throttled":0,"cost_usd":%s,"finish_reason":null,"response_model":null}
                """;
        Files.writeString(dir.resolve("results.jsonl"),
                row.formatted(runId, 0, "\"Paris\"", true, 1.0, "null", "null", "{\"input\":10,\"output\":4}", 100.0, "null", 0.0001)
                + row.formatted(runId, 1, "\"Paris\"", true, 1.0, "\"typos\"", "null", "{\"input\":10,\"output\":4}", 150.0, 42.5, 0.0001)
                + row.formatted(runId, 2, "null", false, 0.0, "null", "\"timeout\"", "null", 30000.0, "null", 0.0));
        return dir;
    }

    /** A load run of one target with two open steps; load.json says "completed", the history stores "complete". */
    static Path load(Path dir, String runId) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("load.json"), """
                {"fieldtest_version": "0.1.0-test", "run_id": "%s", "status": "completed", "abort_reason": null,
                 "started_at": "2026-11-24T10:00:00Z", "finished_at": "2026-11-24T10:01:00Z",
                 "suite": {"name": "capitals", "file": "suite.yaml", "sha256": "ab"}, "profile": "constant",
                 "targets": [{"target": "m", "settings": {"type": "openai", "temperature": 0.2},
                   "cold_start": {"latency_ms": 812.5, "ttft_ms": null, "error": null},
                   "steps": [{"index": 0, "offered_rps": 10.0, "valid": true, "latency_ms": {"corrected": {"n": 158, "p95": 70.3}}},
                             {"index": 1, "offered_rps": 20.0, "valid": true, "latency_ms": {"corrected": {"n": 310, "p95": 95.5}}}],
                   "collapse": null, "max_sustained_rps": 20.0}]}
                """.formatted(runId));
        Files.writeString(dir.resolve("requests.jsonl"), "");
        return dir;
    }
}
