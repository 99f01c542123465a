package dev.fieldtest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerStreamTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void streamsSseChunksThenUsageThenDone() throws Exception {
        server.enqueue(Behavior.reply("one two three").withUsage(7, 3));
        HttpResponse<String> r = Http.chat(server, Http.body("q", true, true));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        assertThat(r.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = chunks(r.body());
        // role, three words, finish, usage
        assertThat(chunks).hasSize(6);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("id").asText()).isEqualTo(chunks.get(0).path("id").asText());
            assertThat(c.path("model").asText()).isEqualTo("gpt-test");
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.subList(1, 4).forEach(c -> text.append(c.at("/choices/0/delta/content").asText()));
        assertThat(text).hasToString("one two three");
        assertThat(chunks.get(3).at("/choices/0/finish_reason").isNull()).isTrue();
        assertThat(chunks.get(4).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks.get(4).at("/choices/0/delta").size()).isZero();
        assertThat(chunks.get(3).has("usage")).isTrue();
        assertThat(chunks.get(3).get("usage").isNull()).isTrue();
        JsonNode usage = chunks.get(5);
        assertThat(usage.path("choices").isArray()).isTrue();
        assertThat(usage.path("choices").size()).isZero();
        assertThat(usage.path("usage").toString()).isEqualTo("{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}");
    }

    @Test
    void withoutIncludeUsageThereIsNoUsageChunkAndNoUsageField() throws Exception {
        server.enqueue(Behavior.reply("abcdefghij").withChunks(3));
        List<JsonNode> chunks = chunks(Http.chat(server, Http.body("q", true, false)).body());

        assertThat(chunks).hasSize(5); // role, 3 content, finish
        assertThat(chunks).noneMatch(c -> c.has("usage"));
        assertThat(chunks.subList(1, 4)).extracting(c -> c.at("/choices/0/delta/content").asText())
                .containsExactly("abc", "def", "ghij");
    }

    @Test
    void eachEventIsOneDataLineFollowedByABlankLine() throws Exception {
        String body = Http.chat(server, Http.body("hi you", true, true)).body();
        String[] events = body.split("\n\n", -1);

        assertThat(events[events.length - 1]).isEmpty();
        assertThat(Arrays.asList(events).subList(0, events.length - 1))
                .allSatisfy(e -> assertThat(e).startsWith("data: ").doesNotContain("\n"));
    }

    @Test
    void malformedStreamHasOneUnparseableDataLine() throws Exception {
        server.enqueue(new Behavior.Malformed());
        String body = Http.chat(server, Http.body("q", true, false)).body();
        List<String> data = Arrays.stream(body.split("\n\n")).map(e -> e.substring("data: ".length())).toList();

        assertThat(data).hasSize(3).endsWith("[DONE]");
        assertThat(Http.json(data.get(0)).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThatThrownBy(() -> Http.json(data.get(1))).isInstanceOf(IOException.class);
    }

    @Test
    void cutStreamDropsTheConnectionBeforeDone() throws Exception {
        server.enqueue(new Behavior.CutStream(2));
        HttpResponse<InputStream> r = Http.CLIENT.send(Http.post(server.baseUrl() + "/chat/completions",
                Http.body("q", true, false)).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        IOException failure = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) if (!line.isEmpty()) lines.add(line);
        } catch (IOException e) {
            failure = e;
        }

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(lines).hasSize(3).noneMatch(l -> l.contains("[DONE]"));
        assertThat(failure).as("the chunked body ends without its last chunk").isNotNull();
    }

    @Test
    void cutPlainResponseSendsHalfTheBody() {
        server.enqueue(new Behavior.CutStream(2));

        assertThatThrownBy(() -> Http.chat(server, Http.body("q", false, false))).isInstanceOf(IOException.class);
    }

    @Test
    void resetConnectionSendsNoResponseAtAll() {
        server.enqueue(new Behavior.ResetConnection());

        assertThatThrownBy(() -> Http.chat(server, Http.body("q", false, false))).isInstanceOf(IOException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    static List<JsonNode> chunks(String body) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            assertThat(event).startsWith("data: ");
            String data = event.substring("data: ".length());
            if (!data.equals("[DONE]")) out.add(Http.json(data));
        }
        return out;
    }
}
