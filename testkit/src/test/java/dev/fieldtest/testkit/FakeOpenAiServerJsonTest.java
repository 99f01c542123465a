package dev.fieldtest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerJsonTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void repliesWithTheChatCompletionShape() throws Exception {
        server.enqueue(Behavior.reply("Paris is the capital."));
        HttpResponse<String> r = Http.chat(server, Http.body("capital of France?", false, false));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = Http.json(r.body());
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("created").isIntegralNumber()).isTrue();
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("system_fingerprint").asText()).isNotEmpty();
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("Paris is the capital.");
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        // words: "be brief" + "capital of France?" = 5 prompt; the reply has 4
        assertThat(body.path("usage").toString()).isEqualTo("{\"prompt_tokens\":5,\"completion_tokens\":4,\"total_tokens\":9}");
    }

    @Test
    void echoesByDefaultAndAcceptsThePathWithoutV1() throws Exception {
        String url = "http://127.0.0.1:" + server.port() + "/chat/completions";
        HttpResponse<String> r = Http.send(Http.post(url, Http.body("hello there", false, false)));

        assertThat(Http.json(r.body()).at("/choices/0/message/content").asText()).isEqualTo("echo: hello there");
    }

    @Test
    void explicitUsageAndFinishReasonAreReported() throws Exception {
        server.enqueue(Behavior.reply("cut").withUsage(1000, 500).withFinishReason("length"));
        JsonNode body = Http.json(Http.chat(server, Http.body("q", false, false)).body());

        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(1000);
        assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(1500);
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void throttleIs429WithRetryAfterAndOpenAiErrorBody() throws Exception {
        server.enqueue(new Behavior.Throttle(3), new Behavior.Throttle(null));
        HttpResponse<String> first = Http.chat(server, Http.body("q", false, false));
        HttpResponse<String> second = Http.chat(server, Http.body("q", false, false));

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("retry-after")).hasValue("3");
        JsonNode error = Http.json(first.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(second.headers().firstValue("retry-after")).isEmpty();
        assertThat(server.servedCount(Behavior.Throttle.class)).isEqualTo(2);
    }

    @Test
    void serverAndClientErrorsUseTheirStatusAndType() throws Exception {
        server.enqueue(new Behavior.ServerError(503), new Behavior.ClientError(401, "invalid_api_key"));
        HttpResponse<String> server5xx = Http.chat(server, Http.body("q", false, false));
        HttpResponse<String> client4xx = Http.chat(server, Http.body("q", false, false));

        assertThat(server5xx.statusCode()).isEqualTo(503);
        assertThat(Http.json(server5xx.body()).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(client4xx.statusCode()).isEqualTo(401);
        assertThat(Http.json(client4xx.body()).at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(Http.json(client4xx.body()).at("/error/type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void requiredApiKeyRejectsWrongKeysWithAMaskedMessage() throws Exception {
        server.requireApiKey("sk-right-key-123456");
        HttpResponse<String> wrong = Http.send(Http.post(server.baseUrl() + "/chat/completions", Http.body("q", false, false))
                .header("Authorization", "Bearer sk-wrong-key-999999"));
        HttpResponse<String> right = Http.send(Http.post(server.baseUrl() + "/chat/completions", Http.body("q", false, false))
                .header("Authorization", "Bearer sk-right-key-123456"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong.body()).at("/error/message").asText()).contains("sk-").contains("9999").doesNotContain("wrong");
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void malformedIs200WithABodyThatIsNotJson() throws Exception {
        server.enqueue(new Behavior.Malformed());
        HttpResponse<String> r = Http.chat(server, Http.body("q", false, false));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> Http.json(r.body())).isInstanceOf(IOException.class);
    }

    @Test
    void invalidRequestsGetTheApisErrorsAndConsumeNoBehavior() throws Exception {
        server.enqueue(new Behavior.ServerError(500));
        HttpResponse<String> notJson = Http.send(Http.post(server.baseUrl() + "/chat/completions", "{oops"));
        HttpResponse<String> noModel = Http.send(Http.post(server.baseUrl() + "/chat/completions", "{\"messages\":[]}"));
        HttpResponse<String> badPath = Http.send(Http.post(server.baseUrl() + "/completions", Http.body("q", false, false)));

        assertThat(List.of(notJson.statusCode(), noModel.statusCode(), badPath.statusCode())).containsExactly(400, 400, 404);
        assertThat(Http.json(badPath.body()).at("/error/message").asText()).isEqualTo("Invalid URL (POST /v1/completions)");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.requests().get(0).body()).isNull();
        assertThat(server.requests().get(0).rawBody()).isEqualTo("{oops");
        assertThat(Http.chat(server, Http.body("q", false, false)).statusCode()).isEqualTo(500); // still queued
    }

    @Test
    void recordsRequestsAndUsesTheQueueBeforeTheResponder() throws Exception {
        server.respondWith(req -> Behavior.reply("from responder"));
        server.enqueue(Behavior.reply("queued"));
        String first = Http.json(Http.send(Http.post(server.baseUrl() + "/chat/completions", Http.body("a", false, false))
                .header("X-Custom", "v1")).body()).at("/choices/0/message/content").asText();
        String second = Http.json(Http.chat(server, Http.body("b", false, false)).body()).at("/choices/0/message/content").asText();

        assertThat(List.of(first, second)).containsExactly("queued", "from responder");
        RecordedRequest recorded = server.requests().get(0);
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.header("x-custom")).isEqualTo("v1");
        assertThat(recorded.model()).isEqualTo("gpt-test");
        assertThat(recorded.lastUserMessage()).isEqualTo("a");
        assertThat(server.lastRequest().lastUserMessage()).isEqualTo("b");
        assertThat(server.servedCount(Behavior.Reply.class)).isEqualTo(2);
        server.reset();
        assertThat(server.requestCount()).isZero();
        assertThat(server.requests()).isEmpty();
    }
}
