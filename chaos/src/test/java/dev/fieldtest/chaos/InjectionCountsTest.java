package dev.fieldtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The log holds exactly the injections the plan's deterministic selection prescribes, counted independently. */
@Timeout(120)
class InjectionCountsTest {
    @TempDir Path dir;

    @Test
    void everyThirdOfTenRequestsLogsRequests3_6_And9() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: status, status: 500, every: 3}\n"); Target t = f.target("")) {
            List<Integer> failed = new ArrayList<>();
            for (int i = 1; i <= 10; i++) if (f.call(t).error() == ErrorClass.SERVER_ERROR) failed.add(i);
            assertThat(failed).containsExactly(3, 6, 9);
            assertThat(f.rows()).extracting(r -> r.get("request").asInt()).containsExactly(3, 6, 9);
            assertThat(f.loggedCounts()).isEqualTo(Map.of("status", 3));
            assertThat(f.proxy.counts()).isEqualTo(Map.of("status", 3L));
        }
    }

    @Test
    void aShareOf30PercentOver1000RequestsInjectsTheCountTheSeedPrescribes() throws Exception {
        String plan = """
                seed: 42
                faults:
                  - {kind: latency, ms: 0, every: 3}
                  - {kind: status, status: 503, share: 0.3}
                """;
        // Re-derived with the JDK's SplitMix64 (SplittableRandom): fault 1 draws for the requests fault 0 leaves.
        int expected503 = 0;
        for (long n = 1; n <= 1000; n++) {
            if (n % 3 == 0) continue;
            long inner = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 1).nextLong();
            if ((new SplittableRandom(42 ^ inner).nextLong() >>> 11) * 0x1.0p-53 < 0.3) expected503++;
        }
        try (ChaosFixture f = new ChaosFixture(dir, plan); Target t = f.target("")) {
            int serverErrors = 0;
            for (int i = 0; i < 1000; i++) {
                Observation o = f.call(t);
                if (o.error() == ErrorClass.SERVER_ERROR) serverErrors++;
                else assertThat(o.error()).isNull();
            }
            assertThat(serverErrors).isEqualTo(expected503);
            assertThat(f.loggedCounts()).isEqualTo(Map.of("latency", 333, "status", expected503));
            assertThat(f.proxy.counts()).isEqualTo(Map.of("latency", 333L, "status", (long) expected503));
            assertThat(f.upstream.requestCount()).isEqualTo(1000 - expected503); // a status fault never reaches the upstream
            JsonNode latency = f.rows().stream().filter(r -> r.get("kind").asText().equals("latency")).findFirst().orElseThrow();
            assertThat(latency.get("request").asInt()).isEqualTo(3);
            assertThat(latency.get("fault").asInt()).isZero();
            assertThat(latency.get("upstream_status").asInt()).isEqualTo(200);
            assertThat(latency.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
    }

    @Test
    void sixteenClientsAtOnceStillGetThePrescribedCount() throws Exception {
        // Numbers follow arrival order, so which call gets a fault varies; the set of numbers 1..400 does not.
        int expected = 0;
        for (long n = 1; n <= 400; n++) {
            long inner = new SplittableRandom(n * 0x9E3779B97F4A7C15L).nextLong();
            if ((new SplittableRandom(3 ^ inner).nextLong() >>> 11) * 0x1.0p-53 < 0.25) expected++;
        }
        try (ChaosFixture f = new ChaosFixture(dir, "seed: 3\nfaults:\n  - {kind: reset, share: 0.25}\n"); Target t = f.target("");
             var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            var resets = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                calls.add(pool.submit(() -> {
                    if (f.call(t).error() == ErrorClass.CONNECTION) resets.incrementAndGet();
                    return null;
                }));
            }
            for (var c : calls) c.get();
            assertThat(resets.get()).isEqualTo(expected);
            assertThat(f.loggedCounts()).isEqualTo(Map.of("reset", expected));
            assertThat(f.rows()).extracting(r -> r.get("request").asInt()).doesNotHaveDuplicates();
        }
    }

    @Test
    void aWindowInjectsOnlyWhileItIsOpen() throws Exception {
        try (ChaosFixture f = new ChaosFixture(dir, "- {kind: reset, window: {from: 0, to: 2}}\n"); Target t = f.target("")) {
            assertThat(f.call(t).error()).isEqualTo(ErrorClass.CONNECTION);
            while (f.proxy.seconds() < 2.05) Thread.sleep(50);
            assertThat(f.call(t).error()).isNull();
            assertThat(f.rows()).extracting(r -> r.get("request").asInt()).containsExactly(1);
        }
    }
}
