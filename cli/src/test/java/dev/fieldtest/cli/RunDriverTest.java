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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole run, end to end over loopback HTTP, against numbers worked out by hand. */
class RunDriverTest {
    private static final String KEY = "sk-planted-secret-4242";
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(Path suite, Path runDir) throws Exception {
        var driver = new RunDriver(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
        return driver.run(suite, runDir, new RunDriver.Overrides(null, null), new Env(Map.of("STUB", server.baseUrl(), "TEST_KEY", KEY)));
    }

    private Path suite(String checksAndMore) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), """
                {"id": "a", "vars": {"country": "France"}, "expected": "Paris", "tags": ["easy"]}
                {"id": "b", "vars": {"country": "Italy"}, "expected": "Rome", "tags": ["easy"]}
                {"id": "c", "vars": {"country": "Japan"}, "expected": "Tokyo", "tags": ["hard"]}
                """);
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: capitals
                prompt: "Capital of {{country}}? Answer, then 'Confidence: x'."
                dataset: cases.jsonl
                repeat: 3
                concurrency: 2
                targets:
                  - id: m
                    type: openai
                    base_url: ${STUB}
                    api_key: ${TEST_KEY}
                    model: m-1
                    pricing: {input_per_mtok: 1.0, output_per_mtok: 2.0}
                    backoff: 1ms
                confidence: {extract: 'Confidence:\\s*([0-9.]+)'}
                """ + checksAndMore);
    }

    /** France always right, Italy always wrong, Japan right only the first time it is asked. */
    private void answerCapitals() {
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        server.respondWith(r -> {
            String q = r.lastUserMessage();
            String country = q.replaceAll("(?s)Capital of (\\w+)\\?.*", "$1");
            int n = asked.computeIfAbsent(country, k -> new AtomicInteger()).getAndIncrement();
            String answer = switch (country) {
                case "France" -> "Paris. Confidence: 0.9";
                case "Italy" -> "Milan. Confidence: 0.8";
                default -> n == 0 ? "Tokyo. Confidence: 0.9" : "Kyoto. Confidence: 0.8";
            };
            return Behavior.reply(answer).withUsage(10, 4).withDelay(Duration.ofMillis(20));
        });
    }

    @Test
    void writesResultsSummaryAndReportWithHandWorkedNumbers() throws Exception {
        answerCapitals();
        server.enqueue(new Behavior.Throttle(0)); // the very first request is throttled once, then retried
        Path runDir = dir.resolve("out");
        int code = run(suite("checks: [{type: icontains, value: '{{expected}}', extract: '^(.*?)\\.'}]\n"), runDir);

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(runDir.resolve("results.jsonl"))).hasSize(9);
        JsonNode s = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(s.path("status").asText()).isEqualTo("complete");
        JsonNode m = s.path("targets").path("m");
        assertThat(m.path("calls").asInt()).isEqualTo(9);
        assertThat(m.path("errors").asInt()).isZero();
        assertThat(m.path("throttled").asInt()).isEqualTo(1);
        assertThat(m.path("retries").asInt()).isEqualTo(1);
        // 4 of 9 pass: a 3/3, b 0/3, c 1/3. Wilson 95% (z² = 3.84146): centre (4/9 + z²/18)/(1 + z²/9) = 0.461062,
        // half-width z·sqrt(4/9·5/9/9 + z²/324)/(1 + z²/9) = 1.373645 · 0.198220 = 0.272284.
        assertThat(m.path("pass_rate").path("value").asDouble()).isCloseTo(4 / 9.0, within(1e-5));
        assertThat(m.path("pass_rate").path("ci95").path(0).asDouble()).isCloseTo(0.188778, within(1e-5));
        assertThat(m.path("pass_rate").path("ci95").path(1).asDouble()).isCloseTo(0.733346, within(1e-5));
        // pass@1 = (1 + 0 + 1/3)/3; pass@3 = (1 + 0 + 1)/3; pass^3 = (1 + 0 + 0)/3.
        assertThat(m.path("pass_at_k").path("1").asDouble()).isCloseTo(4 / 9.0, within(1e-5));
        assertThat(m.path("pass_at_k").path("3").asDouble()).isCloseTo(2 / 3.0, within(1e-5));
        assertThat(m.path("pass_all_k").path("3").asDouble()).isCloseTo(1 / 3.0, within(1e-5));
        assertThat(m.path("pass_at_k").has("5")).isFalse();
        // Right answers say 0.9 (bin 9), wrong ones 0.8 (bin 8): ECE = 4/9·|1 − 0.9| + 5/9·|0 − 0.8|; Brier = (4·0.01 + 5·0.64)/9.
        assertThat(m.path("calibration").path("ece").asDouble()).isCloseTo(4 / 9.0 * 0.1 + 5 / 9.0 * 0.8, within(1e-5));
        assertThat(m.path("calibration").path("brier").asDouble()).isCloseTo(0.36, within(1e-5));
        assertThat(m.path("calibration").path("n").asInt()).isEqualTo(9);
        // 9 calls × (10 input × $1 + 4 output × $2) per million tokens; per success divides by the 4 passing calls.
        assertThat(m.path("tokens").path("input").asInt()).isEqualTo(90);
        assertThat(m.path("tokens").path("output").asInt()).isEqualTo(36);
        assertThat(m.path("cost_usd").path("total").asDouble()).isCloseTo(1.62e-4, within(1e-10));
        assertThat(m.path("cost_usd").path("per_call").asDouble()).isCloseTo(1.8e-5, within(1e-10));
        assertThat(m.path("cost_usd").path("per_success").asDouble()).isCloseTo(4.05e-5, within(1e-10));
        assertThat(m.path("latency_ms").path("p50").asDouble()).isBetween(20.0, 2000.0);
        assertThat(m.has("ttft_ms")).isFalse();
        // easy: 3 of 6; hard: 1 of 3 — lower, but under 5 calls, so easy is named the worst slice.
        assertThat(m.path("slices").path("easy").path("pass_rate").asDouble()).isEqualTo(0.5);
        assertThat(m.path("slices").path("hard").path("n").asInt()).isEqualTo(3);
        assertThat(m.path("worst_slice").path("name").asText()).isEqualTo("easy");
        assertThat(s.path("provenance").path("targets").path("m").toString()).doesNotContain(KEY);
        assertThat(Files.readString(runDir.resolve("report.md"))).contains("| m | 9 | 44.4% (18.9%–73.3%) | 66.7% | 33.3% |");
        assertThat(out.toString()).contains("44.4% [18.9%, 73.3%]");
        assertThat(server.lastRequest().header("authorization")).isEqualTo("Bearer " + KEY);
        for (Path f : Files.list(runDir).toList()) assertThat(Files.readString(f)).as(f.toString()).doesNotContain(KEY);
    }

    @Test
    void badInputExitsWith2AndWritesNothing() throws Exception {
        Path runDir = dir.resolve("out");
        int code = run(suite("checks: [{type: icontians, value: x}]\n"), runDir);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("suite.yaml:15:17: unknown check type \"icontians\". Fix: did you mean \"icontains\"?");
        assertThat(runDir).doesNotExist();
    }

    @Test
    void aTargetThatRefusesEveryCallAbortsWith3AndKeepsWhatCompleted() throws Exception {
        server.respondWith(r -> new Behavior.ClientError(401, "invalid_api_key", null));
        Path runDir = dir.resolve("out");
        Files.writeString(dir.resolve("many.yaml"), """
                prompt: "{{id}}"
                cases: [%s]
                concurrency: 1
                targets: [{id: m, type: openai, base_url: "${STUB}", model: m}]
                """.formatted(String.join(", ", java.util.stream.IntStream.range(0, 30).mapToObj(i -> "{id: c" + i + "}").toList())));
        int code = run(dir.resolve("many.yaml"), runDir);
        assertThat(code).isEqualTo(3);
        JsonNode s = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(s.path("status").asText()).isEqualTo("aborted");
        assertThat(s.path("abort_reason").asText()).contains("client_error", "401");
        assertThat(s.path("completed_calls").asInt()).isEqualTo(10);
        assertThat(Files.readAllLines(runDir.resolve("results.jsonl"))).hasSize(10);
        assertThat(server.requestCount()).isEqualTo(10);
    }
}
