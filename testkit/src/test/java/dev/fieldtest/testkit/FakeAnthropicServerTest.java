package dev.fieldtest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeAnthropicServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeAnthropicServer server = FakeAnthropicServer.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        server.close();
    }

    private HttpResponse<String> post(String body, boolean withVersion) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/messages"))
                .header("x-api-key", "k").header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (withVersion) b.header("anthropic-version", "2023-06-01");
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMessageHasTheApisShapeWithWordCountedUsage() throws Exception {
        var r = post("{\"model\":\"m\",\"max_tokens\":10,\"system\":\"be brief\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there you\"}]}", true);
        JsonNode m = JSON.readTree(r.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(m.path("type").asText()).isEqualTo("message");
        assertThat(m.path("content").get(0).path("text").asText()).isEqualTo("echo: hi there you");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        // input: "be brief" (2) + "hi there you" (3) = 5 words; output: "echo: hi there you" = 4 words
        assertThat(m.path("usage").toString())
                .isEqualTo("{\"input_tokens\":5,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":4}");
    }

    @Test
    void aStreamSendsTheEventsInTheApisOrder() throws Exception {
        server.enqueue(AnthropicBehavior.reply("a b").withUsage(7, 2).withCache(3, 4));
        var r = post("{\"model\":\"m\",\"max_tokens\":10,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}", true);
        List<String> events = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (line.startsWith("event: ")) events.add(line.substring(7));
            if (line.startsWith("data: ")) data.add(JSON.readTree(line.substring(6)));
        }
        assertThat(events).containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(data.get(0).path("message").path("usage").path("input_tokens").asInt()).isEqualTo(7);
        assertThat(data.get(0).path("message").path("usage").path("cache_read_input_tokens").asInt()).isEqualTo(4);
        assertThat(data.get(3).path("delta").toString()).isEqualTo("{\"type\":\"text_delta\",\"text\":\"a \"}");
        assertThat(data.get(6).path("usage").path("output_tokens").asInt()).isEqualTo(2);
        for (int i = 0; i < events.size(); i++) assertThat(data.get(i).path("type").asText()).isEqualTo(events.get(i));
    }

    @Test
    void requestsTheApiRefusesGetItsErrorsAndConsumeNoBehavior() throws Exception {
        server.enqueue(AnthropicBehavior.reply("kept"));
        var noVersion = post("{\"model\":\"m\",\"max_tokens\":1,\"messages\":[]}", false);
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noVersion.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        var systemRole = post("{\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"system\",\"content\":\"s\"}]}", true);
        assertThat(systemRole.statusCode()).isEqualTo(400);
        assertThat(post("{\"model\":\"m\",\"messages\":[]}", true).statusCode()).isEqualTo(400); // no max_tokens
        var ok = post("{\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}", true);
        assertThat(JSON.readTree(ok.body()).path("content").get(0).path("text").asText()).isEqualTo("kept");
    }

    @Test
    void anErrorCarriesItsTypeAndRetryAfter() throws Exception {
        server.enqueue(AnthropicBehavior.error(529, "overloaded_error", "Overloaded").withRetryAfter(3));
        var r = post("{\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}", true);
        assertThat(r.statusCode()).isEqualTo(529);
        assertThat(r.headers().firstValue("retry-after")).hasValue("3");
        assertThat(r.body()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
    }
}
