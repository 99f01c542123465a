package dev.fieldtest.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiTargetFailureTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    /** Tiny backoff so retries cost no time; extra settings are appended. */
    private Observation call(boolean stream, String extra) throws InterruptedException {
        String yaml = """
                id: t
                base_url: %s
                api_key: ${TEST_OPENAI_KEY}
                model: gpt-test
                stream: %s
                backoff: 1ms
                backoff_max: 5ms
                """.formatted(server.baseUrl(), stream) + extra;
        try (Target target = Specs.target(yaml)) {
            return target.call(Specs.ask("q"));
        }
    }

    @Test
    void throttledWithRetryAfterThenSucceeds() throws Exception {
        server.enqueue(new Behavior.Throttle(1), Behavior.reply("fine"));
        long start = System.nanoTime();
        Observation o = call(false, "");
        double waitedMs = (System.nanoTime() - start) / 1e6;

        assertThat(o.succeeded()).isTrue();
        assertThat(o.output()).isEqualTo("fine");
        assertThat(o.attempts()).isEqualTo(2);
        assertThat(o.throttled()).isEqualTo(1);
        assertThat(waitedMs).as("Retry-After: 1 replaces the 1 ms backoff").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void throttledOnEveryAttemptCountsEach429() throws Exception {
        server.respondWith(req -> new Behavior.Throttle(null));
        Observation o = call(false, "max_retries: 2\n");

        assertThat(o.error()).isEqualTo(ErrorClass.THROTTLED);
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(o.throttled()).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(o.errorMessage()).startsWith("HTTP 429 from " + server.baseUrl() + "/chat/completions: Rate limit")
                .endsWith("(after 3 attempts)");
        assertThat(o.output()).isNull();
    }

    @Test
    void serverErrorIsRetried() throws Exception {
        server.enqueue(new Behavior.ServerError(500), new Behavior.ServerError(502), Behavior.reply("third time"));
        Observation o = call(false, "");

        assertThat(o.output()).isEqualTo("third time");
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(o.throttled()).isZero();
    }

    @Test
    void serverErrorIsNotRetriedWhenRetryOnLeavesItOut() throws Exception {
        server.enqueue(new Behavior.ServerError(500), Behavior.reply("never"));
        Observation o = call(false, "retry_on: [throttled]\n");

        assertThat(o.error()).isEqualTo(ErrorClass.SERVER_ERROR);
        assertThat(o.attempts()).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetriedAndTheKeyIsRedacted() throws Exception {
        server.enqueue(new Behavior.ClientError(401, "invalid_api_key", "Incorrect API key provided: " + Specs.API_KEY + "."));
        Observation unauthorized = call(false, "");
        server.enqueue(new Behavior.ClientError(400, "invalid_value", "Invalid value for 'temperature'."));
        Observation bad = call(false, "");

        assertThat(unauthorized.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
        assertThat(unauthorized.attempts()).isEqualTo(1);
        assertThat(unauthorized.errorMessage())
                .isEqualTo("HTTP 401 from " + server.baseUrl() + "/chat/completions: Incorrect API key provided: [REDACTED].")
                .doesNotContain(Specs.API_KEY);
        assertThat(bad.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
        assertThat(bad.errorMessage()).endsWith("Invalid value for 'temperature'.");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void malformedJsonAndStreamsAreMalformedResponses() throws Exception {
        server.enqueue(new Behavior.Malformed());
        Observation json = call(false, "");
        server.enqueue(new Behavior.Malformed());
        Observation stream = call(true, "");

        assertThat(json.error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        assertThat(json.errorMessage()).contains("is not JSON");
        assertThat(json.attempts()).isEqualTo(1);
        assertThat(stream.error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        assertThat(stream.errorMessage()).contains("chunk 2 of the stream");
    }

    @Test
    void streamCutBeforeDoneIsTruncated() throws Exception {
        server.enqueue(new Behavior.CutStream(2));
        Observation o = call(true, "");

        assertThat(o.error()).isEqualTo(ErrorClass.TRUNCATED_STREAM);
        assertThat(o.errorMessage()).contains("the stream from " + server.baseUrl() + "/chat/completions");
        assertThat(o.attempts()).isEqualTo(1); // truncated_stream is not in the default retry_on
    }

    @Test
    void stalledHeadersTimeOutAtTheDeadline() throws Exception {
        server.enqueue(new Behavior.Stall(Duration.ofSeconds(10)));
        long start = System.nanoTime();
        Observation o = call(false, "timeout: 300ms\nmax_retries: 0\n");
        double tookMs = (System.nanoTime() - start) / 1e6;

        assertThat(o.error()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(o.errorMessage()).contains("within 300ms");
        assertThat(o.latencyMs()).isBetween(290.0, 800.0);
        assertThat(tookMs).isLessThan(1000);
    }

    @Test
    void aSlowStreamBodyTimesOutToo() throws Exception {
        // headers and the first chunk come at once; the body then crawls past the deadline
        server.enqueue(Behavior.reply("a b c d e f").withChunkDelay(Duration.ofMillis(400)));
        long start = System.nanoTime();
        Observation o = call(true, "timeout: 500ms\nmax_retries: 0\n");
        double tookMs = (System.nanoTime() - start) / 1e6;

        assertThat(o.error()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(tookMs).isBetween(490.0, 1000.0);
    }

    @Test
    void refusedConnectionIsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String yaml = "base_url: http://127.0.0.1:" + closedPort + "/v1\nmodel: m\nmax_retries: 1\nbackoff: 1ms\n";
        Observation o;
        try (Target target = Specs.target(yaml)) {
            o = target.call(Specs.ask("q"));
        }

        assertThat(o.error()).isEqualTo(ErrorClass.CONNECTION);
        assertThat(o.attempts()).isEqualTo(2);
        assertThat(o.errorMessage()).startsWith("cannot reach http://127.0.0.1:" + closedPort + "/v1/chat/completions: ");
    }

    @Test
    void droppedConnectionIsRetriedAsAConnectionError() throws Exception {
        server.enqueue(new Behavior.ResetConnection(), Behavior.reply("back"));
        Observation o = call(false, "");

        assertThat(o.output()).isEqualTo("back");
        assertThat(o.attempts()).isEqualTo(2);
    }

    @Test
    void interruptionPropagates() throws Exception {
        server.respondWith(req -> new Behavior.Stall(Duration.ofSeconds(10)));
        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<Observation> call = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            try {
                return call(false, "timeout: 30s\n");
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // Bounded: a call that fails before it sends must fail this test, not hang it.
        while (server.requestCount() == 0 && !call.isDone() && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(server.requestCount()).as("the call reached the server (call done early: %s)", call.isDone()).isEqualTo(1);
        caller.get().interrupt();

        assertThatThrownBy(call::get).isInstanceOf(ExecutionException.class)
                .cause().hasMessage("interrupted").cause().isInstanceOf(InterruptedException.class);
    }
}
