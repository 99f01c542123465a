package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.config.Env;
import dev.fieldtest.history.ProductionScoresWindow;
import dev.fieldtest.history.ProductionScoresWindow.Period;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fieldtest score-production end to end: spans written with SQL, a judge on the loopback stub, the budget, idempotence. */
class ScoreProductionCommandTest {
    private static final String SUITE = """
            name: support
            prompt: "{{q}}"
            cases: [{id: c1, vars: {q: hi}, expected: hello}]
            targets: [{id: bot, type: openai, base_url: "${STUB}", model: m-target}]
            judges:
              - {id: grader, type: openai, base_url: "${STUB}", model: grader, pricing: {input_per_mtok: 1000, output_per_mtok: 2000}}
            checks:
              - {type: contains, value: "{{expected}}"}
              - {type: judge, name: polite, judge: grader, rubric: {criteria: "The answer thanks the customer."}}
            online:
              features: {checkout: 1, search: 0}
              budget_usd: 0.5
            """;
    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private Result run(FakeOpenAiServer server, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScoreProductionCommand c = new ScoreProductionCommand();
        new picocli.CommandLine(c).parseArgs(args);
        c.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        c.env = new Env(Map.of("STUB", server == null ? "http://127.0.0.1:9/v1" : server.baseUrl()));
        int code = c.call();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path history() throws Exception {
        Path db = dir.resolve("h.duckdb");
        RunHistory.open(db).close();
        // oldest first: s0..s5 in checkout (s1 failed with a timeout), one in search (rate 0: never sampled)
        span(db, "00", "checkout", "2026-11-23 09:00:00", null, "Thanks for waiting, it ships today.");
        span(db, "01", "checkout", "2026-11-23 10:00:00", "timeout", null);
        span(db, "02", "checkout", "2026-11-23 11:00:00", null, "It ships today.");
        span(db, "03", "checkout", "2026-11-24 09:00:00", null, "Thanks, refunded.");
        span(db, "04", "checkout", "2026-11-24 10:00:00", null, "Thanks! Done.");
        span(db, "05", "checkout", "2026-11-24 11:00:00", null, "Thanks, noted.");
        span(db, "06", "search", "2026-11-24 12:00:00", null, "Thanks, here are results.");
        return db;
    }

    private static void span(Path db, String id, String feature, String started, String error, String answer) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             PreparedStatement p = c.prepareStatement("INSERT INTO production_spans (trace_id, span_id, feature, request_model, started_at, error_type, "
                     + "input_messages, output_messages, attributes, ingested_at) VALUES (?, ?, ?, 'm1', CAST(? AS TIMESTAMP), ?, ?, ?, '{}', now())")) {
            p.setString(1, "aa" + id);
            p.setString(2, "bb" + id);
            p.setString(3, feature);
            p.setString(4, started);
            p.setString(5, error);
            p.setString(6, "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is order " + id + "?\"}]}]");
            p.setString(7, answer == null ? null : "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + answer + "\"}]}]");
            p.executeUpdate();
        }
    }

    private static FakeOpenAiServer judge() {
        FakeOpenAiServer server = FakeOpenAiServer.start();
        // the grader gives 5 of 5 to an answer that thanks, else 1; 100 prompt and 10 completion tokens each
        server.respondWith(r -> Behavior.reply(r.lastUserMessage().contains("Thanks") ? "{\"score\": 5, \"reason\": \"thanks\"}"
                : "{\"score\": 1, \"reason\": \"no thanks\"}").withUsage(100, 10));
        return server;
    }

    @Test
    void scoresTheSampleWithTheJudgeStopsAtTheBudgetAndNeverScoresASpanTwice() throws Exception {
        Path db = history();
        Path suite = Files.writeString(dir.resolve("suite.yaml"), SUITE);
        try (FakeOpenAiServer server = judge()) {
            Result first = run(server, suite.toString(), "--history", db.toString(), "--quiet");
            assertThat(first.code()).as(first.err()).isZero();
            // one judge call = 100 × $1000/M + 10 × $2000/M = $0.12. Before s0: 0 ≤ 0.5; s1 (timeout) costs nothing;
            // before s2 0.24, s3 0.36, s4 0.48 ≤ 0.5; before s5 0.36 + 0.12 + 0.12 = 0.60 > 0.5: stop, s5 left
            assertThat(server.requestCount()).isEqualTo(4);
            assertThat(first.out()).contains("Scored 5 spans (1 with an error), grader cost $0.480000.")
                    .contains("Stopped at the budget of $0.500000").contains("1 sampled spans are left");
            assertThat(first.err()).contains("7 unscored spans, 6 sampled").contains("checkout: 6 of 6 at rate 1").contains("search: 0 of 1 at rate 0")
                    .contains("checks run online: polite").contains("not run online: contains (uses {{expected}} from a case)");
            // 23 Nov: s0 pass, s1 error, s2 judged impolite → 1 of 3; Wilson 95 % (0.061492, 0.792340) by hand
            assertThat(first.out()).contains("checkout         m1                   2026-11-23      3   33.3% 6.1–79.2%")
                    .contains("2026-11-24      2  100.0% 34.2–100.0%");
            try (RunHistory h = RunHistory.open(db)) {
                List<ProductionScoresWindow> days = h.productionScores().passRates("support", Period.DAY, null, null, null);
                assertThat(days).extracting(w -> w.start().toString().substring(0, 10) + " " + w.passed() + "/" + w.n())
                        .containsExactly("2026-11-23 1/3", "2026-11-24 2/2");
                assertThat(days.get(0).failingChecks()).isEqualTo(Map.of("polite", 1L)); // the timeout has no verdicts, only pass = false
                assertThat(days.get(0).graderCostUsd()).isCloseTo(0.24, within(1e-12));
                assertThat(days.get(0).interval().lo()).isCloseTo(0.061492, within(1e-6));
            }

            Result second = run(server, suite.toString(), "--history", db.toString(), "--quiet", "--window", "week");
            assertThat(second.out()).contains("Scored 1 spans").doesNotContain("Stopped at the budget");
            assertThat(server.requestCount()).isEqualTo(5);
            assertThat(second.out()).contains("2026-11-23      6   66.7%"); // the ISO week from Monday 23 Nov: s0..s5, 4 pass

            Result third = run(server, suite.toString(), "--history", db.toString(), "--quiet");
            assertThat(third.err()).contains("1 unscored spans, 0 sampled");
            assertThat(third.out()).contains("Scored 0 spans");
            assertThat(server.requestCount()).isEqualTo(5);
            try (RunHistory h = RunHistory.open(db)) {
                assertThat(h.productionScores().count("support")).isEqualTo(6);
            }
        }
    }

    @Test
    void aDryRunCallsAndStoresNothing() throws Exception {
        Path db = history();
        Path suite = Files.writeString(dir.resolve("suite.yaml"), SUITE);
        try (FakeOpenAiServer server = judge()) {
            Result r = run(server, suite.toString(), "--history", db.toString(), "--dry-run", "--feature", "checkout", "--since", "2026-11-24");
            assertThat(r.code()).isZero();
            assertThat(r.err()).contains("3 unscored spans, 3 sampled");
            assertThat(r.out()).contains("Dry run");
            assertThat(server.requestCount()).isZero();
            try (RunHistory h = RunHistory.open(db)) {
                assertThat(h.productionScores().count("support")).isZero();
            }
        }
    }

    @Test
    void badInputExitsTwoNamingWhereAndHow() throws Exception {
        Path db = history();
        Path good = Files.writeString(dir.resolve("suite.yaml"), SUITE);
        Result date = run(null, good.toString(), "--history", db.toString(), "--since", "yesterday");
        assertThat(date.code()).isEqualTo(2);
        assertThat(date.err()).contains("--since must be a date such as 2026-11-23");

        Result missing = run(null, good.toString(), "--history", dir.resolve("none.duckdb").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.duckdb: no run history here").contains("--history FILE");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), SUITE.replace("budget_usd: 0.5", "budget_usd: -1\n  checks: [contains]"));
        Result section = run(null, bad.toString(), "--history", db.toString());
        assertThat(section.code()).isEqualTo(2);
        // online: is line 10 of the suite; budget_usd's value at 12:15, the check name at 13:12
        assertThat(section.err()).contains("bad.yaml:12:15: online.budget_usd must be a number from 0 to any, but was -1")
                .contains("bad.yaml:13:12: check \"contains\" uses {{expected}} from a case");
    }
}
