package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** budget: {max_usd, max_calls} end to end: the run stops starting calls, keeps what it made, and says partial everywhere. */
class BudgetRunTest {
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    /** 10 cases × repeat 2 = 20 planned calls, one at a time; every reply reports 100 input and 0 output tokens. */
    private Path suite(String budget) throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 10; i++) cases.append("{\"id\": \"c").append(i).append("\", \"vars\": {\"n\": \"").append(i).append("\"}}\n");
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        server.respondWith(r -> Behavior.reply("ok").withUsage(100, 0));
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: budgeted
                prompt: "Say ok to {{n}}"
                dataset: cases.jsonl
                repeat: 2
                concurrency: 1
                targets:
                  - id: m
                    type: openai
                    base_url: ${STUB}
                    model: m-1
                    pricing: {input_per_mtok: 100.0, output_per_mtok: 0}
                """ + budget);
    }

    private int run(Path suite, Path runDir) throws Exception {
        return new RunDriver(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true)
                .run(suite, runDir, new RunDriver.Overrides(null, null), new Env(Map.of("STUB", server.baseUrl())));
    }

    @Test
    void maxCallsSevenOfTwentyMakesExactlySevenCallsAndFlagsThePartialRun() throws Exception {
        Path runDir = dir.resolve("run");
        int code = run(suite("budget: {max_calls: 7}\n"), runDir);

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(runDir.resolve("results.jsonl"))).hasSize(7);
        assertThat(server.requestCount()).isEqualTo(7);
        JsonNode s = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(s.path("status").asText()).isEqualTo("partial");
        assertThat(s.path("abort_reason").isNull()).isTrue();
        assertThat(s.path("planned_calls").asInt()).isEqualTo(20);
        assertThat(s.path("completed_calls").asInt()).isEqualTo(7);
        assertThat(s.path("partial").path("reason").asText()).isEqualTo("budget reached: max_calls 7 calls started");
        assertThat(s.path("partial").path("planned").asInt()).isEqualTo(20);
        assertThat(s.path("partial").path("completed").asInt()).isEqualTo(7);
        assertThat(s.path("partial").path("budget").path("max_calls").asInt()).isEqualTo(7);
        assertThat(s.path("targets").path("m").path("calls").asInt()).isEqualTo(7);
        assertThat(Files.readString(runDir.resolve("report.md"))).contains("**Partial:** budget reached: max\\_calls 7 calls started; 7 of 20 planned calls made.");
        assertThat(Files.readString(runDir.resolve("report.html"))).contains("<p class=\"partial\" id=\"partial\"><strong>Partial:</strong> budget reached: max_calls 7");
        assertThat(err.toString()).contains("fieldtest: run partial: budget reached: max_calls 7 calls started; 7 of 20 planned calls made");
    }

    @Test
    void maxUsdStopsAtTheFirstCallThatReachesIt() throws Exception {
        // Each call costs 100 tokens × $100/Mtok = $0.01. Calls start while spent < $0.035: after 3 calls $0.03,
        // so a 4th starts; after it $0.04 ≥ $0.035 and no 5th starts. 4 calls, $0.04.
        Path runDir = dir.resolve("run");
        int code = run(suite("budget: {max_usd: 0.035}\n"), runDir);

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(runDir.resolve("results.jsonl"))).hasSize(4);
        JsonNode s = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(s.path("status").asText()).isEqualTo("partial");
        assertThat(s.path("partial").path("reason").asText()).isEqualTo("budget reached: 0.04 USD spent of max_usd 0.035");
        assertThat(s.path("targets").path("m").path("cost_usd").path("total").asDouble()).isEqualTo(0.04);
    }

    @Test
    void maxUsdReachedExactlyByTheThirdCallStopsThere() throws Exception {
        // 3 calls × $0.01 = $0.03 reaches max_usd 0.03 (compared to the nano-dollar): no 4th call.
        Path runDir = dir.resolve("run");
        assertThat(run(suite("budget: {max_usd: 0.03}\n"), runDir)).as(err.toString()).isZero();
        assertThat(Files.readAllLines(runDir.resolve("results.jsonl"))).hasSize(3);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aBudgetTheRunNeverReachesLeavesItComplete() throws Exception {
        Path runDir = dir.resolve("run");
        // 20 calls × $0.01 = $0.20 < $0.25, and 20 calls ≤ max_calls 20
        int code = run(suite("budget: {max_usd: 0.25, max_calls: 20}\n"), runDir);

        assertThat(code).as(err.toString()).isZero();
        JsonNode s = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(s.path("status").asText()).isEqualTo("complete");
        assertThat(s.has("partial")).isFalse();
        assertThat(s.path("completed_calls").asInt()).isEqualTo(20);
    }

    @Test
    void badBudgetsAreRefusedAtTheirLineAndColumnBeforeAnyCall() throws Exception {
        Path runDir = dir.resolve("run");
        Path suite = suite("""
                budget:
                  max_usd: -1
                  max_calls: 0
                """);
        int code = run(suite, runDir);

        assertThat(code).isEqualTo(2);
        assertThat(Files.exists(runDir)).isFalse();
        assertThat(server.requestCount()).isZero();
        assertThat(err.toString()).contains(suite + ":13:12: budget.max_usd must be a number of USD above 0, but was -1")
                .contains(suite + ":14:14: budget.max_calls must be a whole number from 1 to 1000000000, but was 0");
    }
}
