package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary that fails 4 of 10 questions (429, 500, a dropped connection, 503) and a fallback that answers them,
 * both real servers over loopback; the recovery figures are worked out by hand from which answers are right.
 */
class FallbackRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> WRONG_FROM_PRIMARY = Set.of(3);
    private static final Set<Integer> WRONG_FROM_SPARE = Set.of(4, 9);
    @TempDir Path dir;
    private final FakeOpenAiServer primary = FakeOpenAiServer.start();
    private final FakeOpenAiServer spare = FakeOpenAiServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        primary.close();
        spare.close();
    }

    private int run(Path suite, Path runDir) throws Exception {
        var driver = new RunDriver(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
        return driver.run(suite, runDir, new RunDriver.Overrides(null, null),
                new Env(Map.of("PRIMARY", primary.baseUrl(), "SPARE", spare.baseUrl())));
    }

    static Path suite(Path dir, String primaryUrl) throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 10; i++) cases.append("{\"id\": \"q").append(i).append("\", \"vars\": {\"n\": \"").append(i).append("\"}, \"expected\": \"right\"}\n");
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: fallback
                prompt: "Question {{n}}"
                dataset: cases.jsonl
                concurrency: 2
                targets:
                  - id: main
                    type: openai
                    base_url: %s
                    model: small
                    max_retries: 0
                    pricing: {input_per_mtok: 1.0, output_per_mtok: 2.0}
                    fallback: [spare]
                  - id: spare
                    type: openai
                    base_url: ${SPARE}
                    model: large
                    pricing: {input_per_mtok: 10.0, output_per_mtok: 20.0}
                checks: [{type: equals, value: '{{expected}}'}]
                """.formatted(primaryUrl));
    }

    static int question(String userMessage) {
        return Integer.parseInt(userMessage.replace("Question ", "").trim());
    }

    /** The primary fails questions 1, 4, 6 and 8, each after 60 ms, and answers question 3 wrongly. */
    void primaryFailsFourOfTen() {
        primary.respondWith(r -> {
            int n = question(r.lastUserMessage());
            Behavior failure = switch (n) {
                case 1 -> new Behavior.Throttle(null);
                case 4 -> new Behavior.ServerError(500);
                case 6 -> new Behavior.ResetConnection();
                case 8 -> new Behavior.ServerError(503);
                default -> null;
            };
            if (failure == null) return Behavior.reply(WRONG_FROM_PRIMARY.contains(n) ? "wrong" : "right").withUsage(10, 4);
            sleep(60);
            return failure;
        });
    }

    /** The spare answers everything, wrongly for questions 4 and 9, after 20 ms. */
    void spareAnswersAll() {
        spare.respondWith(r -> Behavior.reply(WRONG_FROM_SPARE.contains(question(r.lastUserMessage())) ? "wrong" : "right")
                .withUsage(10, 4).withDelay(Duration.ofMillis(20)));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFallbackToAnUnknownTargetExitsWith2AtItsLocationAndWritesNothing() throws Exception {
        Path suite = suite(dir, "${PRIMARY}");
        Files.writeString(suite, Files.readString(suite).replace("fallback: [spare]", "fallback: [spair]"));
        Path runDir = dir.resolve("out");
        assertThat(run(suite, runDir)).isEqualTo(2);
        assertThat(err.toString()).contains("suite.yaml:12:16: fallback of target \"main\" names \"spair\", which is not a target of this suite. "
                + "Fix: did you mean \"spare\"?");
        assertThat(runDir).doesNotExist();
        assertThat(primary.requestCount() + spare.requestCount()).isZero();
    }

    @Test
    void fourPrimaryFailuresOfTenAreAllRecoveredByTheSpareWithHandWorkedRatesCostAndLatency() throws Exception {
        primaryFailsFourOfTen();
        spareAnswersAll();
        Path runDir = dir.resolve("out");
        int code = run(suite(dir, "${PRIMARY}"), runDir);
        assertThat(code).as(err.toString()).isZero();

        JsonNode main = JSON.readTree(runDir.resolve("summary.json").toFile()).path("targets").path("main");
        assertThat(main.path("calls").asInt()).isEqualTo(10);
        assertThat(main.path("errors").asInt()).isZero();
        // passes: the primary answered 6 (all but q3 right: 5), the spare answered 4 (all but q4 right: 3) → 8 of 10
        assertThat(main.path("pass_rate").path("passes").asInt()).isEqualTo(8);
        JsonNode f = main.path("fallback");
        assertThat(f.path("primary_failures").asInt()).isEqualTo(4);
        assertThat(f.path("recovered").asInt()).isEqualTo(4);
        assertThat(f.path("recovery_rate").path("value").asDouble()).isEqualTo(1.0);
        // Wilson 95% of 4/4: (1 + z²/8 − z·sqrt(z²/64)) / (1 + z²/4) = 0.510109
        assertThat(f.path("recovery_rate").path("ci95").path(0).asDouble()).isCloseTo(0.510109, within(1e-5));
        assertThat(f.path("recovery_rate").path("ci95").path(1).asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(f.path("pass_rate_when_primary_answered").path("value").asDouble()).isCloseTo(5 / 6.0, within(1e-5));
        assertThat(f.path("pass_rate_when_primary_answered").path("n").asInt()).isEqualTo(6);
        assertThat(f.path("pass_rate_when_primary_answered").path("ci95").path(0).asDouble()).isCloseTo(0.436497, within(1e-5));
        assertThat(f.path("pass_rate_when_fallback_answered").path("value").asDouble()).isEqualTo(0.75);
        assertThat(f.path("pass_rate_when_fallback_answered").path("ci95").path(0).asDouble()).isCloseTo(0.300642, within(1e-5));
        // each failure took at least the 60 ms the primary waited; loopback adds little, 2 s is a generous ceiling
        assertThat(f.path("added_latency_ms").path("p50").asDouble()).isBetween(60.0, 2000.0);
        assertThat(f.path("added_latency_ms").path("p95").asDouble()).isBetween(60.0, 2000.0);
        assertThat(f.path("added_latency_ms").path("n").asInt()).isEqualTo(4);
        // failures were not billed; the spare's 4 answers cost 4 × (10 × $10 + 4 × $20) / 1M = $0.00072,
        // the primary's 6 answers 6 × (10 × $1 + 4 × $2) / 1M = $0.000108; per success: $0.000828 / 8
        assertThat(f.path("cost_usd_of_fallback").asDouble()).isCloseTo(7.2e-4, within(1e-12));
        assertThat(main.path("cost_usd").path("total").asDouble()).isCloseTo(8.28e-4, within(1e-12));
        assertThat(main.path("cost_usd").path("per_success").asDouble()).isCloseTo(1.035e-4, within(1e-12));
        // the spare is also a target of its own: 10 answers, 8 right, and no fallback section
        JsonNode spareSummary = JSON.readTree(runDir.resolve("summary.json").toFile()).path("targets").path("spare");
        assertThat(spareSummary.path("pass_rate").path("passes").asInt()).isEqualTo(8);
        assertThat(spareSummary.has("fallback")).isFalse();

        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : Files.readAllLines(runDir.resolve("results.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            if (r.path("target").asText().equals("main")) rows.put(r.path("case_id").asText(), r);
        }
        assertThat(rows.get("q0").path("fallback").path("answered_by").asText()).isEqualTo("main");
        assertThat(rows.get("q0").path("fallback").path("hops").asInt()).isZero();
        assertThat(rows.get("q0").path("fallback").path("failed")).isEmpty();
        JsonNode q6 = rows.get("q6");
        assertThat(q6.path("fallback").path("answered_by").asText()).isEqualTo("spare");
        assertThat(q6.path("fallback").path("hops").asInt()).isEqualTo(1);
        assertThat(q6.path("fallback").path("failed").path(0).path("target").asText()).isEqualTo("main");
        assertThat(q6.path("fallback").path("failed").path(0).path("error").asText()).isEqualTo("connection");
        assertThat(q6.path("fallback").path("failed").path(0).path("cost_usd").asDouble()).isZero();
        assertThat(rows.get("q1").path("fallback").path("failed").path(0).path("error").asText()).isEqualTo("throttled");
        assertThat(rows.get("q4").path("fallback").path("failed").path(0).path("error").asText()).isEqualTo("server_error");
        // the row's latency is the caller's wait: the failed 60 ms plus the spare's 20 ms at least
        assertThat(q6.path("latency_ms").asDouble()).isGreaterThanOrEqualTo(80.0);
        assertThat(q6.path("cost_usd").asDouble()).isCloseTo(1.8e-4, within(1e-12));
        assertThat(q6.path("output").asText()).isEqualTo("right");
        assertThat(rows.get("q4").path("pass").asBoolean()).isFalse();
        // the spare got its own 10 calls plus the 4 handed to it
        assertThat(spare.requestCount()).isEqualTo(14);

        String md = Files.readString(runDir.resolve("report.md"));
        assertThat(md).contains("## Fallback").contains("| main | 4 | 4 · 100.0% (51.0%–100.0%, n=4) | ")
                .contains(" ms | $0.00072 | 83.3% (43.6%–97.0%, n=6) | 75.0% (30.1%–95.4%, n=4) |").doesNotContain("| spare | 4 |");
        String html = Files.readString(runDir.resolve("report.html"));
        assertThat(html).contains("<section id=\"fallback\">").contains("<td>main</td><td class=\"num\">4</td>")
                .contains("<td class=\"num\">75.0% (30.1%–95.4%, n=4)</td>");
    }
}
