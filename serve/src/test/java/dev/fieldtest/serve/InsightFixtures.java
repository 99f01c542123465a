package dev.fieldtest.serve;

import dev.fieldtest.history.Claim;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.ProductionScoresEntry;
import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.history.ReviewSignoff;
import dev.fieldtest.history.RunHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A history for the production, ledger, review and drift pages, with numbers worked by hand in the tests:
 * <ul>
 *   <li>feature support, requested gpt-4o: on 2026-11-16 answered as gpt-4o-2024-08-06, three successes of 100, 200, 300 ms
 *       (TTFT 50, 60, 70 ms; 10 tokens in, 5 out, 0.001 USD each) and one 429; on 2026-11-17 answered as gpt-4o-2024-11-20 (a silent
 *       model change at 10:00) twice, 400 and 600 ms;</li>
 *   <li>online scores of suite support-suite for the four spans of 2026-11-16: 2 of 4 passed, check tone failed twice;</li>
 *   <li>offline runs of support-suite on openai/gpt-4o: r1 2026-11-09 pass rate 0.8 [0.7, 0.9], r2 2026-11-16 0.75 [0.65, 0.85], n 50,
 *       latency p95 150 ms; run r3 of suite other on openai/gpt-4o-mini, 0.6;</li>
 *   <li>claims: openai gpt-4o pass_rate.value 0.9 for feature support (2026-11-01), openai gpt-4o-mini 0.8 for any feature;</li>
 *   <li>feature support launched 2026-10-05, suite suite.yaml (properties accurate ≥ 0.7 [week4, quarterly], fast p95 ≤ 100 [week12]), fast's
 *       week12 review signed by Bo;</li>
 *   <li>and everywhere a hostile feature, model, fingerprint, claim source and input text ({@link RunDirs#SCRIPT}, {@link RunDirs#IMG}).</li>
 * </ul>
 */
final class InsightFixtures {
    static final String SUPPORT = "support", SUITE = "support-suite";
    static final String[] QUESTIONS = {"where is my parcel", "refund please", "reset my password"};
    static final String HOSTILE_TEXT = RunDirs.SCRIPT + " " + RunDirs.IMG;

    private InsightFixtures() {}

    /** A fake embedding for the drift page: texts mentioning "pwned" point one way, every other text the other. */
    static final Function<String, float[]> EMBED = t -> t.contains("pwned") ? new float[] {0, 1} : new float[] {1, 0};

    static Path suite(Path root) throws IOException {
        Path suite = Files.writeString(root.resolve("suite.yaml"), """
                name: support-suite
                prompt: "{{q}}"
                cases:
                  - {id: c1, vars: {q: where is my parcel}}
                  - {id: c2, vars: {q: refund please}}
                  - {id: c3, vars: {q: reset my password}}
                targets:
                  - {id: t, type: openai, base_url: "https://api.openai.com/v1", model: gpt-4o}
                checks: [{type: icontains, value: 'a'}]
                properties:
                  - {name: accurate, metric: targets.*.pass_rate.value, min: 0.7, owner: Ana, review: [week4, quarterly]}
                  - {name: fast, metric: targets.*.latency_ms.p95, max: 100, owner: Bo, review: [week12]}
                """);
        Files.setLastModifiedTime(suite, FileTime.from(Instant.parse("2026-11-10T00:00:00Z")));
        return suite;
    }

    static Path record(Path root) throws IOException {
        Path db = root.resolve("history.duckdb");
        Path suite = suite(root);
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(run(root.resolve("r1"), "r1", "2026-11-09T10:00:00Z", SUITE, "gpt-4o", 0.8, 0.7, 0.9));
            h.recordRunDirectory(run(root.resolve("r2"), "r2", "2026-11-16T10:00:00Z", SUITE, "gpt-4o", 0.75, 0.65, 0.85));
            h.recordRunDirectory(run(root.resolve("r3"), "r3", "2026-11-10T10:00:00Z", "other", "gpt-4o-mini", 0.6, 0.5, 0.7));
            h.production().add(spans());
            h.productionScores().storeAll(scores());
            h.ledger().addClaims(List.of(
                    Claim.of(SUPPORT, "OpenAI", "gpt-4o", null, "pass_rate.value", 0.9, "vendor blog", LocalDate.parse("2026-11-01")),
                    Claim.of(null, "openai", "gpt-4o-mini", null, "pass_rate.value", 0.8, "model card", LocalDate.parse("2026-11-02")),
                    Claim.of(RunDirs.SCRIPT, "openai", RunDirs.IMG, RunDirs.SCRIPT, "error_rate", 0.01, RunDirs.IMG, LocalDate.parse("2026-11-03"))));
            h.ledger().putFeature(new LedgerFeature(SUPPORT, LocalDate.parse("2026-10-05"), "Ana", suite.toString(), SUITE));
            h.ledger().putFeature(new LedgerFeature(RunDirs.SCRIPT, LocalDate.parse("2026-10-05"), RunDirs.IMG, null, null));
            h.ledger().sign(new ReviewSignoff(SUPPORT, "fast", "week12", LocalDate.parse("2026-12-28"), "Bo", Instant.parse("2026-11-18T08:00:00Z"), "ok"));
        }
        return db;
    }

    static List<ProductionSpan> spans() {
        List<ProductionSpan> out = new ArrayList<>();
        String day16 = "2026-11-16T", v1 = "gpt-4o-2024-08-06", v2 = "gpt-4o-2024-11-20";
        out.add(span("a1", SUPPORT, "gpt-4o", v1, null, day16 + "09:00:00Z", 100.0, 50.0, 10L, 5L, null, QUESTIONS[0], 0.001));
        out.add(span("a2", SUPPORT, "gpt-4o", v1, null, day16 + "09:10:00Z", 200.0, 60.0, 10L, 5L, null, QUESTIONS[1], 0.001));
        out.add(span("a3", SUPPORT, "gpt-4o", v1, null, day16 + "09:20:00Z", 300.0, 70.0, 10L, 5L, null, QUESTIONS[2], 0.001));
        out.add(span("a4", SUPPORT, "gpt-4o", v1, null, day16 + "09:30:00Z", 5.0, null, null, null, "429", QUESTIONS[0], null));
        out.add(span("a5", SUPPORT, "gpt-4o", v2, null, "2026-11-17T10:00:00Z", 400.0, null, null, null, null, QUESTIONS[1], null));
        out.add(span("a6", SUPPORT, "gpt-4o", v2, null, "2026-11-17T11:00:00Z", 600.0, null, null, null, null, QUESTIONS[2], null));
        out.add(span("b1", RunDirs.SCRIPT, RunDirs.IMG, RunDirs.IMG, "fp-1", "2026-11-18T09:00:00Z", 50.0, null, null, null, null, HOSTILE_TEXT, null));
        out.add(span("b2", RunDirs.SCRIPT, RunDirs.IMG, RunDirs.IMG, RunDirs.SCRIPT, "2026-11-18T10:00:00Z", 70.0, null, null, null, null, HOSTILE_TEXT, null));
        out.add(span("b3", RunDirs.SCRIPT, RunDirs.IMG, RunDirs.IMG, RunDirs.SCRIPT, "2026-11-18T11:00:00Z", 90.0, null, null, null, RunDirs.IMG, HOSTILE_TEXT, null));
        return out;
    }

    private static ProductionSpan span(String id, String feature, String request, String response, String fingerprint, String at, Double ms, Double ttft,
                                       Long in, Long out, String error, String input, Double cost) {
        String hex = Integer.toHexString(id.hashCode() & 0xffffff);
        String messages = "[{\"role\":\"user\",\"content\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(input) + "}]";
        return new ProductionSpan("00" + hex, "0" + hex, feature, "chat", "openai", request, response, fingerprint, null, Instant.parse(at), ms, ttft, in, out,
                List.of(), error, messages, null, cost, "{}");
    }

    private static List<ProductionScoresEntry> scores() {
        List<ProductionSpan> s = spans();
        List<ProductionScoresEntry> out = new ArrayList<>();
        boolean[] passed = {true, true, false, false};
        for (int i = 0; i < 4; i++) {
            ProductionSpan p = s.get(i);
            out.add(new ProductionScoresEntry(p.traceId(), p.spanId(), SUITE, p.feature(), p.model(), p.startedAt(), passed[i],
                    passed[i] ? List.of() : List.of("tone"), "[]", 0));
        }
        ProductionSpan b = s.get(6);
        out.add(new ProductionScoresEntry(b.traceId(), b.spanId(), SUITE, b.feature(), b.model(), b.startedAt(), false, List.of(RunDirs.IMG), "[]", 0));
        return out;
    }

    /** A run of {@code suite} with one target t of openai's {@code model}: pass rate with its ci95 (n 50), latency p95 150 ms. */
    static Path run(Path dir, String runId, String startedAt, String suite, String model, double passRate, double lo, double hi) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), """
                {"schema_version": 1, "run_id": "%s", "status": "complete", "abort_reason": null,
                 "started_at": "%s", "finished_at": "%s", "wall_ms": 1000, "planned_calls": 50, "completed_calls": 50, "repeat": 1, "concurrency": 2,
                 "targets": {"t": {"calls": 50, "errors": 0, "cases": 50,
                   "pass_rate": {"value": %s, "ci95": [%s, %s], "n": 50, "passes": 0},
                   "latency_ms": {"p50": 100.0, "p95": 150.0, "n": 50}}},
                 "provenance": {"fieldtest_version": "0.1.0-test", "java_version": "21",
                   "suite": {"name": "%s", "description": null, "file": "suite.yaml", "sha256": "ab"},
                   "targets": {"t": {"id": "t", "type": "openai", "base_url": "https://api.openai.com/v1", "model": "%s"}}},
                 "properties": []}
                """.formatted(runId, startedAt, startedAt, passRate, lo, hi, suite, model));
        Files.writeString(dir.resolve("results.jsonl"), "");
        return dir;
    }
}
