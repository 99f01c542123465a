package dev.fieldtest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerTimingTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void stallHoldsTheHeadersSoClientsTimeOut() throws Exception {
        server.enqueue(new Behavior.Stall(Duration.ofSeconds(5)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> Http.send(Http.post(server.baseUrl() + "/chat/completions", Http.body("q", false, false))
                .timeout(Duration.ofMillis(200)))).isInstanceOf(HttpTimeoutException.class);
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(2000);
        assertThat(Http.chat(server, Http.body("after", false, false)).statusCode()).isEqualTo(200);
    }

    @Test
    void stallThenRepliesLikeTheResponder() throws Exception {
        server.enqueue(new Behavior.Stall(Duration.ofMillis(100)));
        long start = System.nanoTime();
        HttpResponse<String> r = Http.chat(server, Http.body("late", false, false));

        assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(100);
        assertThat(Http.json(r.body()).at("/choices/0/message/content").asText()).isEqualTo("echo: late");
    }

    @Test
    void servesManyRequestsAtOnce() throws Exception {
        server.respondWith(req -> Behavior.reply("ok").withDelay(Duration.ofMillis(300)));
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(Http.CLIENT.sendAsync(Http.post(server.baseUrl() + "/chat/completions", Http.body("q" + i, false, false)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) assertThat(c.get().statusCode()).isEqualTo(200);

        assertThat((System.nanoTime() - start) / 1e6).as("40 calls of 300 ms in parallel").isLessThan(3000);
        assertThat(server.maxConcurrent()).isGreaterThan(1);
        assertThat(server.requestCount()).isEqualTo(40);
    }

    @Test
    void chunkDelaySpacesTheChunks() throws Exception {
        server.enqueue(Behavior.reply("a b c").withChunkDelay(Duration.ofMillis(60)));
        long start = System.nanoTime();
        Http.chat(server, Http.body("q", true, false));

        assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(180);
    }

    @Test
    void closeStopsListening() {
        int port = server.port();
        server.close();

        assertThatThrownBy(() -> Http.send(Http.post("http://127.0.0.1:" + port + "/v1/chat/completions", Http.body("q", false, false))))
                .isInstanceOf(java.io.IOException.class);
    }
}
