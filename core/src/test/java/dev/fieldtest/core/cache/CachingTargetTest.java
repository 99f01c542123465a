package dev.fieldtest.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.FallbackTrace;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decorator on its own: what is a hit, what is a miss, what is stored and what never is. */
class CachingTargetTest {
    @TempDir Path dir;

    /** Answers "answer #n" (n counting its calls) or, when told, fails once with a server error. */
    static class Counting implements Target {
        final Map<String, Object> settings;
        final AtomicInteger calls = new AtomicInteger();
        final Deque<Boolean> failNext = new ArrayDeque<>();

        Counting(Map<String, Object> settings) {
            this.settings = settings;
        }

        @Override public String id() { return "m"; }

        @Override public Observation call(CallRequest r) {
            int n = calls.incrementAndGet();
            if (Boolean.TRUE.equals(failNext.poll())) {
                return new Observation("m", r.caseId(), r.repeatIndex(), r.messages(), null, null, 5, null, List.of(), 4, 0,
                        ErrorClass.SERVER_ERROR, "HTTP 500", 0, null, null);
            }
            return new Observation("m", r.caseId(), r.repeatIndex(), r.messages(), "answer #" + n, new Usage(12, 3), 250.5, 40.0,
                    List.of(40.0, 250.5), 2, 1, null, null, 0.0042, "stop", "m-1-2026");
        }

        @Override public Map<String, Object> describe() { return settings; }
    }

    private static Map<String, Object> settings(String model, double temperature, String timeout) {
        return Map.of("id", "m", "type", "openai", "base_url", "http://127.0.0.1:1/v1", "model", model,
                "params", Map.of("temperature", temperature), "timeout", timeout, "max_retries", 3);
    }

    private static CallRequest ask(String caseId, int repeat) {
        return new CallRequest(caseId, repeat, List.of(new Message("system", "Be brief."), new Message("user", "Capital of France?")));
    }

    private long entries() throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }

    @Test
    void theSameRequestAgainIsAnsweredFromTheCacheWithTheOriginalFigures() throws Exception {
        Counting upstream = new Counting(settings("m-1", 0.0, "60s"));
        ResponseCache cache = new ResponseCache(dir);
        Observation first = new CachingTarget(upstream, cache).call(ask("paris", 0));
        CachingTarget again = new CachingTarget(upstream, cache); // a second run: a new decorator over the same folder
        Observation second = again.call(ask("paris-copy", 0));

        assertThat(upstream.calls).hasValue(1);
        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(again.hits()).isEqualTo(1);
        // the replay is the original call, under the asking case's id
        assertThat(second.caseId()).isEqualTo("paris-copy");
        assertThat(second.output()).isEqualTo("answer #1");
        assertThat(second.usage()).isEqualTo(new Usage(12, 3));
        assertThat(second.latencyMs()).isEqualTo(250.5);
        assertThat(second.ttftMs()).isEqualTo(40.0);
        assertThat(second.chunkMs()).containsExactly(40.0, 250.5);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.throttled()).isEqualTo(1);
        assertThat(second.costUsd()).isEqualTo(0.0042);
        assertThat(second.finishReason()).isEqualTo("stop");
        assertThat(second.responseModel()).isEqualTo("m-1-2026");
        assertThat(second.input()).isEqualTo(ask("x", 0).messages());
    }

    @Test
    void aCallAnsweredByAFallbackIsReplayedWithItsChain() throws Exception {
        ResponseCache cache = new ResponseCache(dir);
        // The primary failed twice (429 after 120 ms, $0; 500 after 80.5 ms, $0.0001) before "large" answered.
        FallbackTrace chain = new FallbackTrace("large", 2, List.of(new FallbackTrace.Hop("m", ErrorClass.THROTTLED, 120, 0),
                new FallbackTrace.Hop("mid", ErrorClass.SERVER_ERROR, 80.5, 0.0001)));
        Observation answered = new Counting(settings("m-1", 0.0, "60s")).call(ask("a", 0)).withFallback(chain);
        cache.put("k1", answered);

        Observation replayed = cache.get("k1", "m", ask("a", 0)).orElseThrow();
        assertThat(replayed.cached()).isTrue();
        assertThat(replayed.fallback()).isEqualTo(chain);
        assertThat(replayed.fallback().addedLatencyMs()).isEqualTo(200.5);
        assertThat(cache.get("k1", "m", ask("a", 0)).orElseThrow().fallback().failedCostUsd()).isEqualTo(0.0001);
    }

    @Test
    void anotherModelOrTemperatureIsAMissButAnotherTimeoutIsAHit() throws Exception {
        ResponseCache cache = new ResponseCache(dir);
        Counting base = new Counting(settings("m-1", 0.0, "60s"));
        new CachingTarget(base, cache).call(ask("a", 0));

        Counting otherModel = new Counting(settings("m-2", 0.0, "60s"));
        assertThat(new CachingTarget(otherModel, cache).call(ask("a", 0)).cached()).isFalse();
        Counting otherTemperature = new Counting(settings("m-1", 0.7, "60s"));
        assertThat(new CachingTarget(otherTemperature, cache).call(ask("a", 0)).cached()).isFalse();
        Counting otherTimeout = new Counting(settings("m-1", 0.0, "5s"));
        assertThat(new CachingTarget(otherTimeout, cache).call(ask("a", 0)).cached()).isTrue();

        assertThat(otherModel.calls).hasValue(1);
        assertThat(otherTemperature.calls).hasValue(1);
        assertThat(otherTimeout.calls).hasValue(0);
        assertThat(entries()).isEqualTo(3);
    }

    @Test
    void repeatIndexesZeroOneAndTwoAreThreeEntries() throws Exception {
        Counting upstream = new Counting(settings("m-1", 0.0, "60s"));
        CachingTarget target = new CachingTarget(upstream, new ResponseCache(dir));
        for (int repeat = 0; repeat < 3; repeat++) target.call(ask("a", repeat));
        assertThat(entries()).isEqualTo(3);
        // and each repeat replays its own answer
        assertThat(target.call(ask("a", 2)).output()).isEqualTo("answer #3");
        assertThat(target.call(ask("a", 0)).output()).isEqualTo("answer #1");
        assertThat(upstream.calls).hasValue(3);
    }

    @Test
    void aFailedCallIsNotStoredSoTheNextRunCallsAgain() throws Exception {
        Counting upstream = new Counting(settings("m-1", 0.0, "60s"));
        upstream.failNext.add(true);
        CachingTarget target = new CachingTarget(upstream, new ResponseCache(dir));
        assertThat(target.call(ask("a", 0)).succeeded()).isFalse();
        assertThat(entries()).isZero();
        Observation retried = target.call(ask("a", 0));
        assertThat(retried.cached()).isFalse();
        assertThat(retried.output()).isEqualTo("answer #2");
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void aTornEntryIsAMissAndIsRewritten() throws Exception {
        Counting upstream = new Counting(settings("m-1", 0.0, "60s"));
        CachingTarget target = new CachingTarget(upstream, new ResponseCache(dir));
        target.call(ask("a", 0));
        Path entry;
        try (Stream<Path> files = Files.list(dir)) {
            entry = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        Files.writeString(entry, "{\"format\": 1, \"outp");
        assertThat(target.call(ask("a", 0)).cached()).isFalse();
        assertThat(target.call(ask("a", 0)).output()).isEqualTo("answer #2");
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void aRegisteredSecretInAnAnswerIsRedactedInTheEntry() throws Exception {
        String key = "sk-cache-planted-7731";
        Secrets.register(key);
        Target leaky = new Counting(settings("m-1", 0.0, "60s")) {
            @Override public Observation call(CallRequest r) {
                return new Observation("m", r.caseId(), r.repeatIndex(), r.messages(), "your key is " + key, null, 1, null, List.of(),
                        1, 0, null, null, 0, "stop", null);
            }
        };
        new CachingTarget(leaky, new ResponseCache(dir)).call(ask("a", 0));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) assertThat(Files.readString(f)).doesNotContain(key).contains("[REDACTED]");
        }
    }
}
