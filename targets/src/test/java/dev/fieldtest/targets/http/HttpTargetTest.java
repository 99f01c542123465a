package dev.fieldtest.targets.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.targets.ProviderSpecs;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTargetTest {
    private final LocalJsonServer server = new LocalJsonServer();
    private static final CallRequest ASK = new CallRequest("case-1", 0,
            List.of(new Message("system", "Be terse."), Message.user("He said \"hi\"\nthen left")));

    @AfterEach
    void close() {
        server.close();
    }

    private Observation call(String yaml) throws InterruptedException {
        try (Target t = ProviderSpecs.target("http", "id: svc\nurl: " + server.url("/api/answer") + "\nmax_retries: 0\n" + yaml)) {
            return t.call(ASK);
        }
    }

    @Test
    void theTemplateSendsJsonEscapedVariablesAndPointersReadAnswerAndUsage() throws Exception {
        server.answer(200, "{\"data\": {\"answer\": \"Paris\", \"usage\": {\"in\": 12, \"out\": 3}}}");
        Observation o = call("""
                headers: {X-Org: "${ORG}"}
                body: '{"input": {{prompt}}, "system": {{system}}, "history": {{messages}}}'
                output: /data/answer
                usage: {input: /data/usage/in, output: /data/usage/out}
                pricing: {input_per_mtok: 2, output_per_mtok: 10}
                """);

        assertThat(o.output()).as(o.errorMessage()).isEqualTo("Paris");
        assertThat(o.usage()).isEqualTo(new Usage(12, 3));
        assertThat(o.costUsd()).isCloseTo(0.000054, within(1e-15)); // 12*2/1e6 + 3*10/1e6
        LocalJsonServer.Request r = server.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/answer");
        assertThat(r.header()).isEqualTo("org-secret-42");
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode sent = new ObjectMapper().readTree(r.body());
        assertThat(sent.path("input").asText()).isEqualTo("He said \"hi\"\nthen left");
        assertThat(sent.path("system").asText()).isEqualTo("Be terse.");
        assertThat(sent.path("history").get(1).path("role").asText()).isEqualTo("user");
        assertThat(sent.path("history")).hasSize(2);
    }

    @Test
    void aMissingOutputPointerIsAMalformedResponseSayingWhatIsThere() throws Exception {
        server.answer(200, "{\"data\": {\"text\": \"Paris\", \"score\": 1}}");
        Observation o = call("body: '{\"q\": {{prompt}}}'\noutput: /data/answer\n");
        assertThat(o.error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        assertThat(o.errorMessage()).contains("has nothing at output pointer /data/answer; /data has keys [text, score]");
    }

    @Test
    void pointersFollowRfc6901EscapesAndArrayIndexes() throws Exception {
        server.answer(200, "{\"a/b\": [{\"m~n\": \"first\"}, {\"m~n\": \"second\"}]}");
        assertThat(call("body: '{}'\noutput: /a~1b/1/m~0n\n").output()).isEqualTo("second");
    }

    @Test
    void statusesMapToErrorClassesAsForOpenAi() throws Exception {
        server.answer(503, "upstream down").answer(429, "{\"error\": \"slow\"}").answer(404, "no such route").answer(200, "<html>");
        assertThat(call("body: '{}'\noutput: /x\n")).satisfies(o -> {
            assertThat(o.error()).isEqualTo(ErrorClass.SERVER_ERROR);
            assertThat(o.errorMessage()).contains("HTTP 503").contains("upstream down");
        });
        Observation throttled = call("body: '{}'\noutput: /x\n");
        assertThat(throttled.error()).isEqualTo(ErrorClass.THROTTLED);
        assertThat(throttled.throttled()).isEqualTo(1);
        assertThat(call("body: '{}'\noutput: /x\n").error()).isEqualTo(ErrorClass.CLIENT_ERROR);
        Observation html = call("body: '{}'\noutput: /x\n");
        assertThat(html.error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        assertThat(html.errorMessage()).contains("is not JSON: <html>");
    }

    @Test
    void withoutUsagePointersTheTokenizerCountsAndSaysSo() throws Exception {
        server.answer(200, "{\"answer\": \"hello world\"}");
        Observation o;
        try (Target t = ProviderSpecs.target("http", "url: " + server.url("/") + "\nbody: '{}'\noutput: /answer\npricing: {input_per_mtok: 1, output_per_mtok: 1}\n")) {
            o = t.call(new CallRequest("c", 0, List.of(Message.user("Hello, world!"))));
        }
        // cl100k_base: "Hello" "," " world" "!" = 4; "hello" " world" = 2
        assertThat(o.usage()).isEqualTo(new Usage(4, 2, 0, 0, Usage.Source.TOKENIZER));
        assertThat(o.costUsd()).isCloseTo(6 / 1e6, within(1e-15));

        server.answer(200, "{\"answer\": \"hello world\"}");
        assertThat(call("body: '{}'\noutput: /answer\ntokenizer: none\n").usage()).isNull();
    }

    @Test
    void getSendsNoBodyAndAnObjectAnswerIsKeptAsJson() throws Exception {
        server.answer(200, "{\"result\": {\"label\": \"spam\"}}");
        Observation o = call("method: get\noutput: /result\n");
        assertThat(o.output()).isEqualTo("{\"label\":\"spam\"}");
        assertThat(server.received().get(0).method()).isEqualTo("GET");
        assertThat(server.received().get(0).body()).isEmpty();
    }
}
