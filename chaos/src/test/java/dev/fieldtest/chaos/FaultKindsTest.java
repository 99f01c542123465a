package dev.fieldtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.Behavior;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each fault kind over loopback HTTP, as the real openai target observes it, with the injection in the log. */
@Timeout(30)
class FaultKindsTest {
    @TempDir Path dir;

    @Test
    void a429EverySecondRequestIsThrottledAndItsRetryAfterOf1SecondIsHonoured() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: status, status: 429, retry_after: 1, every: 2}\n");
             Target noRetry = f.target(""); Target oneRetry = f.target("max_retries: 1\n")) {
            assertThat(f.call(noRetry).error()).isNull(); // request 1
            Observation throttled = f.call(noRetry); // request 2
            assertThat(throttled.error()).isEqualTo(ErrorClass.THROTTLED);
            assertThat(throttled.errorMessage()).contains("HTTP 429").contains("Rate limit reached");
            assertThat(f.call(oneRetry).error()).isNull(); // request 3
            long start = System.nanoTime();
            Observation waited = f.call(oneRetry); // request 4 is throttled, its retry is request 5
            double wallMs = (System.nanoTime() - start) / 1e6; // the observation's latency is the last attempt's
            assertThat(waited.error()).isNull();
            assertThat(waited.attempts()).isEqualTo(2);
            assertThat(waited.throttled()).isEqualTo(1);
            assertThat(wallMs).isGreaterThanOrEqualTo(1000.0).isLessThan(3000.0); // backoff is 1 ms: the wait is the Retry-After
            assertThat(f.rows()).extracting(r -> r.get("request").asLong()).containsExactly(2L, 4L);
            assertThat(f.rows().get(0).get("params").toString()).isEqualTo("{\"retry_after\":1,\"status\":429}");
            assertThat(f.rows().get(0).get("upstream_status").isNull()).isTrue(); // answered by the proxy, upstream not called
            assertThat(f.upstream.requestCount()).isEqualTo(3); // requests 1, 3 and 5
        }
    }

    @Test
    void a503IsAServerErrorWithTheProvidersErrorBody() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: status, status: 503, share: 1}\n"); Target t = f.target("")) {
            Observation o = f.call(t);
            assertThat(o.error()).isEqualTo(ErrorClass.SERVER_ERROR);
            assertThat(o.errorMessage()).contains("HTTP 503").contains("The engine is currently overloaded");
            assertThat(f.loggedCounts()).isEqualTo(Map.of("status", 1));
        }
    }

    @Test
    void aResetIsAConnectionError() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: reset, share: 1}\n"); Target t = f.target("")) {
            Observation o = f.call(t);
            assertThat(o.error()).isEqualTo(ErrorClass.CONNECTION);
            assertThat(o.errorMessage()).containsIgnoringCase("reset");
            assertThat(f.loggedCounts()).isEqualTo(Map.of("reset", 1));
            assertThat(f.upstream.requestCount()).isZero();
        }
    }

    @Test
    void aTimeoutHoldsTheCallUntilTheTargetsDeadline() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: timeout, share: 1}\n"); Target t = f.target("timeout: 400ms\n")) {
            Observation o = f.call(t);
            assertThat(o.error()).isEqualTo(ErrorClass.TIMEOUT);
            assertThat(o.latencyMs()).isBetween(400.0, 1400.0);
            assertThat(f.loggedCounts()).isEqualTo(Map.of("timeout", 1));
        }
    }

    @Test
    void aStreamCutAfter2ChunksIsATruncatedStream() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: truncate, chunks: 2, share: 1}\n"); Target t = f.target("stream: true\n")) {
            f.upstream.respondWith(r -> Behavior.reply("a b c d").withChunks(4));
            Observation o = f.call(t);
            assertThat(o.error()).isEqualTo(ErrorClass.TRUNCATED_STREAM);
            assertThat(f.rows().get(0).get("upstream_status").asInt()).isEqualTo(200);
        }
    }

    @Test
    void aJsonBodyCutHalfwayIsABrokenConnection() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: truncate, share: 1}\n"); Target t = f.target("")) {
            Observation o = f.call(t);
            assertThat(o.error()).isEqualTo(ErrorClass.CONNECTION);
            assertThat(o.errorMessage()).contains("broke while reading the response");
        }
    }

    @Test
    void aNonJsonEventInTheStreamIsAMalformedResponse() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: malformed, after: 1, share: 1}\n"); Target t = f.target("stream: true\n")) {
            Observation o = f.call(t);
            assertThat(o.error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
            assertThat(o.errorMessage()).contains("chunk 2 of the stream").contains("is not JSON");
        }
    }

    @Test
    void aNonJsonBodyIsAMalformedResponse() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: malformed, share: 1}\n"); Target t = f.target("")) {
            assertThat(f.call(t).error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        }
    }

    @Test
    void latencyOf300MsAddsAtLeast300Ms() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: latency, ms: 300, every: 2}\n"); Target t = f.target("")) {
            f.call(t); // request 1 (not selected) warms the client up
            double delayed = f.call(t).latencyMs(); // request 2
            assertThat(delayed).isGreaterThanOrEqualTo(300.0).isLessThan(1300.0);
            Observation free = f.call(t); // request 3: no fault
            assertThat(free.error()).isNull();
            assertThat(free.latencyMs()).isLessThan(300.0);
            assertThat(f.rows()).extracting(r -> r.get("request").asLong()).containsExactly(2L);
        }
    }

    @Test
    void dripDelaysEveryStreamEvent() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: drip, ms: 100, share: 1}\n"); Target t = f.target("stream: true\n")) {
            f.upstream.respondWith(r -> Behavior.reply("a b c d").withChunks(4));
            Observation o = f.call(t);
            assertThat(o.error()).isNull();
            assertThat(o.output()).isEqualTo("a b c d");
            // 4 content events, each held 100 ms: 300 ms from the first to the last (one read may come a little
            // late and the next one early, so single gaps are checked loosely), at least 400 ms in all
            assertThat(o.chunkMs()).hasSize(4);
            assertThat(o.chunkMs().get(3) - o.chunkMs().get(0)).isBetween(295.0, 1300.0);
            for (int i = 1; i < 4; i++) assertThat(o.chunkMs().get(i) - o.chunkMs().get(i - 1)).isGreaterThanOrEqualTo(50.0);
            assertThat(o.latencyMs()).isGreaterThanOrEqualTo(400.0).isLessThan(2500.0);
            JsonNode row = f.rows().get(0);
            assertThat(row.get("kind").asText()).isEqualTo("drip");
            assertThat(row.get("params").get("ms").asInt()).isEqualTo(100);
        }
    }
}
