package dev.fieldtest.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import dev.fieldtest.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiTargetHappyPathTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private String yaml(boolean stream) {
        return """
                id: gpt
                type: openai
                base_url: %s/
                api_key: ${TEST_OPENAI_KEY}
                model: gpt-test
                stream: %s
                params: {temperature: 0, max_tokens: 64, seed: 7}
                pricing: {input_per_mtok: 2.5, output_per_mtok: 10}
                headers: {OpenAI-Organization: "${ORG}"}
                """.formatted(server.baseUrl(), stream);
    }

    @Test
    void plainJsonCallReturnsContentUsageAndCost() throws Exception {
        server.enqueue(Behavior.reply("Paris.").withUsage(1000, 500));
        Observation o;
        try (Target target = Specs.target(yaml(false))) {
            o = target.call(Specs.ask("Capital of France?"));
        }

        assertThat(o.succeeded()).as(o.errorMessage()).isTrue();
        assertThat(o.output()).isEqualTo("Paris.");
        assertThat(o.targetId()).isEqualTo("gpt");
        assertThat(o.caseId()).isEqualTo("case-1");
        assertThat(o.usage()).isEqualTo(new Usage(1000, 500));
        assertThat(o.costUsd()).isCloseTo(0.0075, within(1e-12)); // 1000 * 2.5/1e6 + 500 * 10/1e6
        assertThat(o.finishReason()).isEqualTo("stop");
        assertThat(o.responseModel()).isEqualTo("gpt-test");
        assertThat(o.attempts()).isEqualTo(1);
        assertThat(o.throttled()).isZero();
        assertThat(o.ttftMs()).isNull();
        assertThat(o.chunkMs()).isEmpty();
        assertThat(o.latencyMs()).isPositive();

        RecordedRequest sent = server.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions"); // trailing slash of base_url tolerated
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + Specs.API_KEY);
        assertThat(sent.header("openai-organization")).isEqualTo("org-secret-42");
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        JsonNode body = sent.body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("messages").toString())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"Answer briefly.\"},{\"role\":\"user\",\"content\":\"Capital of France?\"}]");
        assertThat(body.path("temperature").asInt()).isZero();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("seed").asInt()).isEqualTo(7);
        assertThat(body.path("stream").asBoolean()).isFalse();
        assertThat(body.has("stream_options")).isFalse();
    }

    @Test
    void streamedCallTimesEveryContentChunk() throws Exception {
        server.enqueue(Behavior.reply("one two three four").withUsage(12, 4).withChunkDelay(Duration.ofMillis(15)));
        Observation o;
        try (Target target = Specs.target(yaml(true))) {
            o = target.call(Specs.ask("count"));
        }

        assertThat(o.succeeded()).as(o.errorMessage()).isTrue();
        assertThat(o.output()).isEqualTo("one two three four");
        assertThat(o.usage()).isEqualTo(new Usage(12, 4));
        assertThat(o.finishReason()).isEqualTo("stop");
        assertThat(o.chunkMs()).hasSize(4).isSorted();
        assertThat(o.ttftMs()).isEqualTo(o.chunkMs().get(0)).isPositive();
        assertThat(o.ttftMs()).isLessThanOrEqualTo(o.latencyMs());
        assertThat(o.chunkMs().get(3) - o.chunkMs().get(0)).isGreaterThanOrEqualTo(40); // three 15 ms gaps
        assertThat(o.chunkMs().get(3)).isLessThanOrEqualTo(o.latencyMs());

        JsonNode body = server.lastRequest().body();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(server.lastRequest().header("accept")).isEqualTo("text/event-stream");
    }

    @Test
    void usageOfEveryAttemptIsSummedAndPriced() throws Exception {
        server.enqueue(new Behavior.ServerError(503), Behavior.reply("ok").withUsage(100, 10));
        Observation o;
        try (Target target = Specs.target(yaml(false) + "backoff: 1ms\n")) {
            o = target.call(Specs.ask("q"));
        }

        assertThat(o.attempts()).isEqualTo(2);
        assertThat(o.usage()).isEqualTo(new Usage(100, 10)); // the 503 reported none
        assertThat(o.costUsd()).isCloseTo(100 * 2.5e-6 + 10 * 10e-6, within(1e-12));
    }

    @Test
    void describeLeavesOutTheKeyAndHeaderValues() {
        try (Target target = Specs.target(yaml(true))) {
            assertThat(target.id()).isEqualTo("gpt");
            assertThat(target.describe())
                    .containsEntry("model", "gpt-test")
                    .containsEntry("base_url", server.baseUrl())
                    .containsEntry("stream", true)
                    .containsEntry("timeout", "60s")
                    .containsEntry("max_retries", 3)
                    .containsKey("params")
                    .doesNotContainKey("api_key");
            assertThat(target.describe().toString()).doesNotContain(Specs.API_KEY).doesNotContain("org-secret-42")
                    .contains("OpenAI-Organization");
        }
    }

    @Test
    void serviceLoaderFindsTheFactory() {
        assertThat(ServiceLoader.load(TargetFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> assertThat(f.types()).contains("openai"));
    }
}
