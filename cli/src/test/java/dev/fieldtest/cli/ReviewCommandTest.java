package dev.fieldtest.cli;

import static dev.fieldtest.cli.ClaimCommandTest.fieldtest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fieldtest feature add, review and review sign: due dates from a launch on 2026-01-05 worked by hand. */
class ReviewCommandTest {
    @TempDir Path dir;

    private String db() {
        return dir.resolve("h.duckdb").toString();
    }

    private Path suite() throws Exception {
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: qa
                prompt: "Capital of {{country}}?"
                cases:
                  - {id: a, vars: {country: France}, expected: Paris}
                targets:
                  - {id: t, type: openai, base_url: "https://api.acme.com/v1", model: m1}
                checks: [{type: icontains, value: '{{expected}}'}]
                properties:
                  - {name: accurate, metric: targets.*.pass_rate.value, min: 0.7, owner: Ana, review: [week4, quarterly]}
                  - {name: fast, metric: targets.*.latency_ms.p95, max: 100, owner: Bo, review: [week12]}
                """);
    }

    @Test
    void theCalendarShowsDueDatesStatusOfflineAndProductionAndASignOffSignsIt() throws Exception {
        assertThat(fieldtest("feature", "add", "search", "--launched", "2026-01-05", "--owner", "Ana", "--suite", suite().toString(), "--history", db()).code()).isZero();
        // The latest run of suite qa: pass rate 0.72 (≥ 0.7: pass), p95 150 ms (> 100: fail).
        fieldtest("history", "--history", db(), "--record", GapCommandTest.runDir(dir.resolve("r1"), "r1", "2026-01-20T10:00:00Z", "qa", "m1", 0.5, 0.4, 0.6).toString(),
                GapCommandTest.runDir(dir.resolve("r2"), "r2", "2026-01-30T10:00:00Z", "qa", "m1", 0.72, 0.6, 0.8).toString());

        JsonNode items = new ObjectMapper().readTree(fieldtest("review", "--today", "2026-02-03", "--json", "--history", db()).out());
        assertThat(items).hasSize(3);
        assertThat(line(items.get(0))).isEqualTo("accurate week4 2026-02-02 overdue");   // launch + 28 days, a day ago
        assertThat(line(items.get(1))).isEqualTo("accurate quarterly 2026-04-06 upcoming"); // launch + 91 days
        assertThat(line(items.get(2))).isEqualTo("fast week12 2026-03-30 upcoming");      // launch + 84 days
        assertThat(items.get(0).path("offline_run").asText()).isEqualTo("r2");
        assertThat(items.get(0).path("offline").get(0).path("status").asText()).isEqualTo("pass");
        assertThat(items.get(2).path("offline").get(0).path("status").asText()).isEqualTo("fail");
        assertThat(items.get(0).path("production").isNull()).isTrue();
        assertThat(fieldtest("review", "--today", "2026-01-19", "--json", "--history", db()).out()).contains("\"status\" : \"due\""); // 14 days before

        String text = fieldtest("review", "--feature", "search", "--today", "2026-02-03", "--history", db()).out();
        assertThat(text).contains("week4      due 2026-02-02  OVERDUE").contains("production no production data").contains("run r2: t fail 150 (150 is above max 100)");

        ClaimCommandTest.Result sign = fieldtest("review", "sign", "--feature", "search", "--property", "accurate", "--review", "week4", "--by", "Ana",
                "--note", "kept at 0.7", "--today", "2026-02-03", "--history", db());
        assertThat(sign.code()).isZero();
        assertThat(sign.out()).contains("signed search / accurate / week4 due 2026-02-02 by Ana");
        JsonNode after = new ObjectMapper().readTree(fieldtest("review", "--today", "2026-02-03", "--json", "--history", db()).out());
        assertThat(line(after.get(0))).isEqualTo("accurate week4 2026-02-02 signed");
        assertThat(after.get(0).path("signed").path("note").asText()).isEqualTo("kept at 0.7");

        // Production spans of the last 7 days: p95 of {50, 80} ms is 80 ≤ 100, so fast passes in production.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO production_spans (trace_id, span_id, feature, request_model, started_at, duration_ms, attributes, ingested_at) VALUES "
                    + "('a', 's', 'search', 'm1', TIMESTAMP '2026-02-01 10:00:00', 50, '{}', now()), ('b', 's', 'search', 'm1', TIMESTAMP '2026-02-02 10:00:00', 80, '{}', now())");
        }
        JsonNode withProd = new ObjectMapper().readTree(fieldtest("review", "--today", "2026-02-03", "--json", "--history", db()).out());
        JsonNode fast = withProd.get(2).path("production").get(0);
        assertThat(fast.path("target").asText()).isEqualTo("m1");
        assertThat(fast.path("value").asDouble()).isCloseTo(80, org.assertj.core.api.Assertions.within(0.08));
        assertThat(fast.path("status").asText()).isEqualTo("pass");
        assertThat(fieldtest("review", "--today", "2026-02-03", "--history", db()).out())
                .contains("production last 7 days: m1 missing (no span of m1 was scored online in these 7 days: fieldtest score-production scores them)")
                .contains("production last 7 days: m1 pass 80");
    }

    private static String line(JsonNode item) {
        return item.path("property").asText() + " " + item.path("review").asText() + " " + item.path("due_on").asText() + " " + item.path("status").asText();
    }

    @Test
    void badInputExits2WithWhatToDo() throws Exception {
        ClaimCommandTest.Result date = fieldtest("feature", "add", "search", "--launched", "5 Jan 2026", "--history", db());
        assertThat(date.code()).isEqualTo(2);
        assertThat(date.err()).contains("--launched 5 Jan 2026 is not a date: write it as YYYY-MM-DD");
        assertThat(fieldtest("feature", "add", "search", "--launched", "2026-01-05", "--suite", suite().toString(), "--history", db()).code()).isZero();
        ClaimCommandTest.Result property = fieldtest("review", "sign", "--feature", "search", "--property", "cheap", "--review", "week4", "--by", "Ana", "--history", db());
        assertThat(property.code()).isEqualTo(2);
        assertThat(property.err()).contains("has no property \"cheap\": use one of accurate, fast");
        ClaimCommandTest.Result review = fieldtest("review", "sign", "--feature", "search", "--property", "fast", "--review", "week4", "--by", "Ana", "--history", db());
        assertThat(review.code()).isEqualTo(2);
        assertThat(review.err()).contains("property \"fast\" is reviewed at week12, not \"week4\"");
        ClaimCommandTest.Result feature = fieldtest("review", "--feature", "chat", "--history", db());
        assertThat(feature.code()).isEqualTo(2);
        assertThat(feature.err()).contains("no feature \"chat\" is recorded (recorded: search)");

        Path moved = Files.copy(suite(), dir.resolve("chat-suite.yaml"));
        assertThat(fieldtest("feature", "add", "chat", "--launched", "2026-01-05", "--suite", moved.toString(), "--history", db()).code()).isZero();
        Files.delete(moved);
        ClaimCommandTest.Result both = fieldtest("review", "--today", "2026-02-03", "--history", db());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("the suite of feature chat (" + moved.toAbsolutePath() + ") has 1 problem:").contains("suite file not found");
        assertThat(both.out()).contains("search  launched 2026-01-05").contains("  accurate  targets.*.pass_rate.value ≥ 0.7");
    }
}
