package dev.fieldtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.Behavior;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind in one plan over 300 streamed calls: what the client saw, by error class, equals what the plan
 * prescribes, re-derived here; the table it prints is the one in docs/RELIABILITY.md ("Faults injected").
 */
@Timeout(120)
class MixedPlanRunTest {
    static final String PLAN = """
            seed: 7
            faults:
              - {kind: status, status: 429, retry_after: 0, every: 10}
              - {kind: status, status: 503, every: 7}
              - {kind: reset, every: 11}
              - {kind: timeout, every: 47}
              - {kind: truncate, chunks: 1, share: 0.05}
              - {kind: malformed, after: 1, share: 0.05}
              - {kind: latency, ms: 20, share: 0.1}
              - {kind: drip, ms: 5, share: 0.1}
            """;
    /** What the openai target reports for each fault ("ok": the call still succeeds, only later). */
    private static final String[] OBSERVED = {"throttled", "server_error", "connection", "timeout", "truncated_stream",
            "malformed_response", "ok", "ok"};
    private static final String[] NAMES = {"status 429", "status 503", "reset", "timeout", "truncate", "malformed", "latency", "drip"};
    @TempDir Path dir;

    /** The fault index for request n: the first of the plan's rules that holds, with shares drawn by the JDK's SplitMix64. */
    private static int expectedFault(long n) {
        int[] every = {10, 7, 11, 47};
        for (int i = 0; i < every.length; i++) if (n % every[i] == 0) return i;
        double[] share = {0.05, 0.05, 0.1, 0.1};
        for (int i = 0; i < share.length; i++) {
            long inner = new SplittableRandom(n * 0x9E3779B97F4A7C15L + (i + 4)).nextLong();
            if ((new SplittableRandom(7 ^ inner).nextLong() >>> 11) * 0x1.0p-53 < share[i]) return i + 4;
        }
        return -1;
    }

    @Test
    void threeHundredStreamedCallsSeeExactlyThePrescribedFaults() throws Exception {
        int requests = 300;
        int[] expected = new int[8];
        Map<String, Integer> expectedObserved = new TreeMap<>();
        for (long n = 1; n <= requests; n++) {
            int f = expectedFault(n);
            if (f >= 0) expected[f]++;
            expectedObserved.merge(f < 0 ? "ok" : OBSERVED[f], 1, Integer::sum);
        }
        Map<String, Integer> observed = new TreeMap<>();
        try (ChaosFixture f = new ChaosFixture(dir, PLAN); Target t = f.target("stream: true\ntimeout: 1s\n")) {
            f.upstream.respondWith(r -> Behavior.reply("one two three").withChunks(3));
            for (int i = 0; i < requests; i++) {
                Observation o = f.call(t);
                observed.merge(o.error() == null ? "ok" : o.error().wireName(), 1, Integer::sum);
            }
            assertThat(observed).isEqualTo(expectedObserved);
            Map<String, Integer> logged = new TreeMap<>();
            f.rows().forEach(r -> logged.merge(NAMES[r.get("fault").asInt()], 1, Integer::sum));
            StringBuilder table = new StringBuilder("| fault | injected (log) | prescribed | the client saw |\n|---|---|---|---|\n");
            for (int i = 0; i < 8; i++) {
                assertThat(logged.getOrDefault(NAMES[i], 0)).as(NAMES[i]).isEqualTo(expected[i]);
                table.append("| ").append(NAMES[i]).append(" | ").append(logged.getOrDefault(NAMES[i], 0)).append(" | ").append(expected[i])
                        .append(" | ").append(OBSERVED[i].equals("ok") ? "success, later" : OBSERVED[i]).append(" |\n");
            }
            System.out.println(table + "client outcomes: " + observed);
        }
    }
}
