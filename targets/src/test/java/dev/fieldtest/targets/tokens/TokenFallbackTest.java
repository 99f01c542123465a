package dev.fieldtest.targets.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.targets.ProviderSpecs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenFallbackTest {
    /** A Chat Completions stream with no usage chunk, as some servers send whatever include_usage says. */
    private static final String STREAM = "data: {\"choices\":[{\"delta\":{\"content\":\"hello\"}}]}\n\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\" world\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    private static final CallRequest HELLO = new CallRequest("c", 0, List.of(Message.user("Hello, world!")));
    private final HttpServer http = start();

    private static HttpServer start() {
        try {
            HttpServer h = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            h.createContext("/", ex -> {
                try (ex) {
                    ex.getRequestBody().readAllBytes();
                    byte[] b = STREAM.getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                }
            });
            h.start();
            return h;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private Observation call(String extra) throws InterruptedException {
        String yaml = "id: gpt\nbase_url: http://127.0.0.1:" + http.getAddress().getPort() + "/v1\nmodel: m\nstream: true\n"
                + "pricing: {input_per_mtok: 1, output_per_mtok: 3}\n" + extra;
        try (Target t = ProviderSpecs.target("openai", yaml)) {
            return t.call(HELLO);
        }
    }

    @Test
    void aStreamWithoutUsageIsCountedWithCl100kAndMarkedAsTokenizerCounted() throws Exception {
        Observation o = call("");
        assertThat(o.output()).isEqualTo("hello world");
        // cl100k_base: "Hello" "," " world" "!" = 4 in; "hello" " world" = 2 out
        assertThat(o.usage()).isEqualTo(new Usage(4, 2, 0, 0, Usage.Source.TOKENIZER));
        assertThat(o.costUsd()).isCloseTo((4 * 1 + 2 * 3) / 1e6, within(1e-15));
    }

    @Test
    void tokenizerNoneLeavesTheUsageUnknown() throws Exception {
        Observation o = call("tokenizer: none\n");
        assertThat(o.usage()).isNull();
        assertThat(o.costUsd()).isZero();
    }

    @Test
    void providerUsageWinsAndAFailedCallIsNotCounted() {
        TokenCounter c = TokenCounter.of("o200k_base");
        Usage reported = new Usage(9, 9);
        assertThat(TokenCounter.orCount(c, reported, HELLO.messages(), "x")).isSameAs(reported);
        assertThat(TokenCounter.orCount(c, null, HELLO.messages(), null)).isNull();
        assertThat(TokenCounter.orCount(null, null, HELLO.messages(), "x")).isNull();
    }
}
