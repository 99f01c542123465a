package dev.fieldtest.targets.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.targets.ProviderSpecs;
import dev.fieldtest.testkit.AnthropicBehavior;
import dev.fieldtest.testkit.FakeAnthropicServer;
import dev.fieldtest.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicTargetTest {
    private static final String KEY = "sk-ant-test-0123456789";
    private final FakeAnthropicServer server = FakeAnthropicServer.start().requireApiKey(KEY);
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void close() {
        server.close();
    }

    private AnthropicTarget target(String extra) {
        String yaml = """
                id: claude
                base_url: %s
                api_key: %s
                model: claude-test
                %s
                """.formatted(server.baseUrl(), KEY, extra.contains("pricing:") ? extra : extra + "\npricing: {input_per_mtok: 3, output_per_mtok: 15}");
        Problems problems = new Problems();
        AnthropicSettings s = AnthropicSettings.read(ProviderSpecs.spec("anthropic", yaml), ProviderSpecs.env(), problems);
        problems.throwIfAny();
        return new AnthropicTarget(s, waits::add);
    }

    private Observation call(String extra) throws InterruptedException {
        try (AnthropicTarget t = target(extra)) {
            return t.call(new CallRequest("case-1", 0, List.of(new Message("system", "Answer briefly."), Message.user("Capital of France?"))));
        }
    }

    @Test
    void plainMessageSendsTheApisShapeAndCostsCacheTokensAtDefaultCachePrices() throws Exception {
        server.enqueue(AnthropicBehavior.reply("Paris.").withUsage(100, 50).withCache(1000, 2000));
        Observation o = call("");

        assertThat(o.succeeded()).as(o.errorMessage()).isTrue();
        assertThat(o.output()).isEqualTo("Paris.");
        assertThat(o.usage()).isEqualTo(new Usage(100, 50, 1000, 2000, Usage.Source.PROVIDER));
        // 100*3 + 50*15 + 1000*(3*1.25) + 2000*(3*0.1), per million: 300 + 750 + 3750 + 600 = 5400 -> 0.0054
        assertThat(o.costUsd()).isCloseTo(0.0054, within(1e-12));
        assertThat(o.finishReason()).isEqualTo("end_turn");
        assertThat(o.responseModel()).isEqualTo("claude-test");
        RecordedRequest r = server.lastRequest();
        assertThat(r.path()).isEqualTo("/v1/messages");
        assertThat(r.header("x-api-key")).isEqualTo(KEY);
        assertThat(r.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(r.header("authorization")).isNull();
        assertThat(r.body().path("system").asText()).isEqualTo("Answer briefly.");
        assertThat(r.body().path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(r.body().path("messages")).hasSize(1);
        assertThat(r.body().path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(r.body().has("stream")).isFalse();
    }

    @Test
    void streamJoinsTextDeltasTimesTtftAtTheFirstDeltaAndReadsUsageFromStartAndDelta() throws Exception {
        server.enqueue(AnthropicBehavior.reply("one two three").withUsage(12, 3).withCache(5, 7).withChunkDelay(Duration.ofMillis(40)));
        Observation o = call("stream: true\nmax_tokens: 64\npricing: {input_per_mtok: 1, output_per_mtok: 2, cache_write_per_mtok: 4, cache_read_per_mtok: 8}");

        assertThat(o.succeeded()).as(o.errorMessage()).isTrue();
        assertThat(o.output()).isEqualTo("one two three");
        assertThat(o.chunkMs()).hasSize(3);
        assertThat(o.ttftMs()).isGreaterThanOrEqualTo(40.0).isEqualTo(o.chunkMs().get(0));
        assertThat(o.chunkMs().get(2) - o.chunkMs().get(0)).isGreaterThanOrEqualTo(70.0); // two more 40 ms waits
        assertThat(o.latencyMs()).isGreaterThanOrEqualTo(o.chunkMs().get(2));
        assertThat(o.usage()).isEqualTo(new Usage(12, 3, 5, 7, Usage.Source.PROVIDER));
        assertThat(o.costUsd()).isCloseTo((12 * 1 + 3 * 2 + 5 * 4 + 7 * 8) / 1e6, within(1e-15)); // 94 / 1e6
        assertThat(o.finishReason()).isEqualTo("end_turn");
        assertThat(server.lastRequest().body().path("stream").asBoolean()).isTrue();
        assertThat(server.lastRequest().body().path("max_tokens").asInt()).isEqualTo(64);
    }

    @Test
    void eachApiErrorMapsToItsClassWithTheTypeInTheMessage() throws Exception {
        record Case(int status, String type, ErrorClass expected) {}
        for (Case c : List.of(new Case(400, "invalid_request_error", ErrorClass.CLIENT_ERROR),
                new Case(401, "authentication_error", ErrorClass.CLIENT_ERROR), new Case(429, "rate_limit_error", ErrorClass.THROTTLED),
                new Case(500, "api_error", ErrorClass.SERVER_ERROR), new Case(529, "overloaded_error", ErrorClass.SERVER_ERROR))) {
            server.enqueue(AnthropicBehavior.error(c.status(), c.type(), "something about " + c.type()));
            Observation o = call("max_retries: 0");
            assertThat(o.error()).as(c.type()).isEqualTo(c.expected());
            assertThat(o.errorMessage()).as(c.type()).contains("HTTP " + c.status()).contains("(" + c.type() + ")")
                    .contains("something about " + c.type()).doesNotContain(KEY);
            assertThat(o.throttled()).isEqualTo(c.status() == 429 ? 1 : 0);
        }
    }

    @Test
    void aWrongKeyIsAClientErrorAndIsNotRetried() throws Exception {
        server.requireApiKey("another-key");
        Observation o = call("");
        assertThat(o.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
        assertThat(o.errorMessage()).contains("HTTP 401").contains("authentication_error");
        assertThat(o.attempts()).isEqualTo(1);
    }

    @Test
    void retriesAfter429WaitingWhatRetryAfterSays() throws Exception {
        server.enqueue(AnthropicBehavior.error(429, "rate_limit_error", "Number of requests has exceeded your rate limit").withRetryAfter(2),
                AnthropicBehavior.error(529, "overloaded_error", "Overloaded"), AnthropicBehavior.reply("ok"));
        Observation o = call("backoff: 100ms\nbackoff_max: 100ms");

        assertThat(o.output()).isEqualTo("ok");
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(o.throttled()).isEqualTo(1);
        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(2)); // the server's retry-after, not the backoff
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)); // backoff drawn from [base/2, base]
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aSlowAnswerTimesOut() throws Exception {
        server.enqueue(AnthropicBehavior.reply("late").withDelay(Duration.ofSeconds(3)));
        long start = System.nanoTime();
        Observation o = call("timeout: 200ms\nmax_retries: 0");
        assertThat(o.error()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(o.errorMessage()).contains("within 200ms");
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(2000);
    }

    @Test
    void anErrorEventInsideAStreamIsClassedByItsTypeAndKeepsTheUsageSoFar() throws Exception {
        server.enqueue(new AnthropicBehavior.StreamError("a b c d", 2, "overloaded_error", "Overloaded"));
        Observation o = call("stream: true\nmax_retries: 0");
        assertThat(o.error()).isEqualTo(ErrorClass.SERVER_ERROR);
        assertThat(o.errorMessage()).contains("reported overloaded_error: Overloaded");

        server.enqueue(new AnthropicBehavior.StreamError("a b", 1, "rate_limit_error", "slow down"));
        assertThat(call("stream: true\nmax_retries: 0").error()).isEqualTo(ErrorClass.THROTTLED);
    }

    @Test
    void aStreamThatEndsBeforeMessageStopIsTruncated() throws Exception {
        server.enqueue(new AnthropicBehavior.CutStream("a b c", 2));
        Observation o = call("stream: true\nmax_retries: 0");
        assertThat(o.error()).isEqualTo(ErrorClass.TRUNCATED_STREAM);
        assertThat(o.errorMessage()).contains("without message_stop");
    }

    @Test
    void aCutOffBodyIsMalformedAndADroppedConnectionIsAConnectionError() throws Exception {
        server.enqueue(new AnthropicBehavior.Malformed());
        assertThat(call("max_retries: 0").error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        server.enqueue(new AnthropicBehavior.Malformed());
        Observation stream = call("stream: true\nmax_retries: 0");
        assertThat(stream.error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        assertThat(stream.errorMessage()).contains("event 1").contains("is not JSON");
        server.enqueue(new AnthropicBehavior.ResetConnection());
        assertThat(call("max_retries: 0").error()).isEqualTo(ErrorClass.CONNECTION);
    }
}
