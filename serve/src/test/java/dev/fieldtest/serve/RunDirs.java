package dev.fieldtest.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.run.ResultsCodec;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.report.HtmlReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made run directories whose numbers are known, recorded into one history file:
 * <ul>
 *   <li>{@link #A}: suite capitals, started 2026-11-20 09:00 UTC, target m, 4 calls, 2 pass (pass rate 0.5, n 4), latency p95 200 ms; has report.html</li>
 *   <li>{@link #HOSTILE}: suite, target id and run directory hold markup; started 2026-11-21 09:00 UTC, 1 call, 1 pass; no report.html</li>
 *   <li>{@link #B}: suite capitals, started 2026-11-22 09:00 UTC, target m, 4 calls, 3 pass (0.75, n 4), latency p95 120 ms; no report.html</li>
 *   <li>{@link #LOAD}: a load run of suite capitals-load, started 2026-11-23 10:00 UTC, target m, max sustained 20 rps</li>
 * </ul>
 */
final class RunDirs {
    static final String A = "20261120-090000-aaaa", B = "20261122-090000-bbbb", LOAD = "20261123-100000-cccc", HOSTILE = "h<i>1</i>";
    static final String SCRIPT = "<script>window.__pwned=1</script>", IMG = "<img src=x onerror=window.__pwned=1>";

    private RunDirs() {}

    /** Writes the four runs under {@code root} and records them in {@code root/history.duckdb}; returns that file. */
    static Path recordAll(Path root) throws IOException {
        Path db = root.resolve("history.duckdb");
        recordAll(root, HistoryStore.file(db));
        return db;
    }

    /** Writes the four runs under {@code root} and records them in {@code store}. */
    static void recordAll(Path root, HistoryStore store) throws IOException {
        Path a = run(root.resolve("a"), A, "capitals", "m", "2026-11-20T09:00:00Z", 2, 4, 200.0);
        new HtmlReporter().write(a, new ObjectMapper().readTree(a.resolve("summary.json").toFile()), calls(a));
        Path hostile = run(root.resolve(SCRIPT), HOSTILE, SCRIPT, IMG, "2026-11-21T09:00:00Z", 1, 1, 50.0);
        Path b = run(root.resolve("b"), B, "capitals", "m", "2026-11-22T09:00:00Z", 3, 4, 120.0);
        Path load = load(root.resolve("load"));
        try (RunHistory h = RunHistory.open(store)) {
            for (Path dir : List.of(a, hostile, b, load)) h.recordRunDirectory(dir);
        }
    }

    static Path run(Path dir, String runId, String suite, String target, String startedAt, int passes, int n, double p95) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        var s = json.createObjectNode().put("schema_version", 1).put("run_id", runId).put("status", "complete").put("started_at", startedAt)
                .put("finished_at", startedAt.replace("09:00:00", "09:05:00")).put("planned_calls", n).put("completed_calls", n).put("repeat", n);
        var t = s.putObject("targets").putObject(target).put("calls", n).put("errors", 0).put("cases", 1);
        t.putObject("pass_rate").put("value", (double) passes / n).put("n", n).put("passes", passes);
        t.putObject("latency_ms").put("p95", p95).put("n", n);
        var prov = s.putObject("provenance").put("fieldtest_version", "0.1.0-test");
        prov.putObject("suite").put("name", suite).put("file", "suite.yaml");
        Files.writeString(dir.resolve("summary.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(s));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) {
            boolean pass = i < passes;
            rows.append("""
                    {"run_id":%s,"target":%s,"case_id":"c1","repeat":%d,"tags":[],"input":[{"role":"user","content":"Capital of France?"}],\
                    "output":"%s","verdicts":[],"pass":%s,"score":%s,"variant":null,"expect":null,"confidence":null,"error":null,"error_message":null,\
                    "tokens":null,"latency_ms":%s,"ttft_ms":null,"chunk_ms":[],"attempts":1,"throttled":0,"cost_usd":null,"finish_reason":null,"response_model":null}
                    """.formatted(json.writeValueAsString(runId), json.writeValueAsString(target), i, pass ? "Paris" : "Lyon", pass, pass ? 1.0 : 0.0, p95));
        }
        Files.writeString(dir.resolve("results.jsonl"), rows);
        return dir;
    }

    private static List<ScoredCall> calls(Path dir) throws IOException {
        List<ScoredCall> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) out.add(ResultsCodec.decode(line));
        return out;
    }

    private static Path load(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("load.json"), """
                {"fieldtest_version": "0.1.0-test", "run_id": "%s", "status": "completed", "abort_reason": null,
                 "started_at": "2026-11-23T10:00:00Z", "finished_at": "2026-11-23T10:01:00Z",
                 "suite": {"name": "capitals-load", "file": "suite.yaml", "sha256": "ab"}, "profile": "constant",
                 "targets": [{"target": "m", "settings": {"type": "openai"},
                   "steps": [{"index": 0, "offered_rps": 10.0, "valid": true}, {"index": 1, "offered_rps": 20.0, "valid": true}],
                   "collapse": null, "max_sustained_rps": 20.0}]}
                """.formatted(LOAD));
        return dir;
    }
}
