package dev.fieldtest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Java function as the target, run in process, against pass rates worked out by hand. */
class FunctionTargetRunTest {
    @TempDir Path dir;

    private static SuiteBuilder capitals() {
        return Fieldtest.suite("capitals")
                .prompt("Capital of {{country}}?")
                .addCase("fr", Map.of("country", "France"), "Paris", "easy")
                .addCase("it", Map.of("country", "Italy"), "Rome", "easy")
                .addCase("jp", Map.of("country", "Japan"), "Tokyo", "hard")
                .check("icontains", Map.of("value", "{{expected}}"))
                .repeat(2)
                .concurrency(1);
    }

    /** France always right, Italy always wrong, Japan right only the first time it is asked. */
    private static String answer(String prompt, Map<String, AtomicInteger> asked) {
        int n = asked.computeIfAbsent(prompt, k -> new AtomicInteger()).getAndIncrement();
        if (prompt.contains("France")) return "Paris.";
        if (prompt.contains("Italy")) return "Milan.";
        return n == 0 ? "Tokyo." : "Kyoto.";
    }

    @Test
    void threeOfSixPassesGiveHalfPassRateAndPassAt2OfTwoThirds() {
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        RunResult r = Fieldtest.run(capitals().target(Targets.function("fn", p -> answer(p, asked))).build(), dir.resolve("run"));

        TargetResult t = r.target("fn");
        assertThat(r.status()).isEqualTo("complete");
        assertThat(t.calls()).isEqualTo(6);
        // fr 2/2, it 0/2, jp 1/2: 3 of 6. Wilson 95%: centre (0.5 + z²/12)/(1 + z²/6) = 0.5, half z·sqrt(1/24 + z²/144)/(1 + z²/6) = 0.312385.
        assertThat(t.passRate().value()).isEqualTo(0.5);
        assertThat(t.passRate().passes()).isEqualTo(3);
        assertThat(t.passRate().lower()).isCloseTo(0.18761, within(1e-4));
        assertThat(t.passRate().upper()).isCloseTo(0.81239, within(1e-4));
        // pass@2 = mean over cases of 1 − C(n−c, 2)/C(n, 2) = (1 + 0 + 1)/3; pass^2 = (1 + 0 + 0)/3.
        assertThat(t.passAtK()).containsEntry(1, 0.5);
        assertThat(t.passAtK().get(2)).isCloseTo(2 / 3.0, within(1e-5));
        assertThat(t.passAllK().get(2)).isCloseTo(1 / 3.0, within(1e-5));
        assertThat(t.slices().get("easy").value()).isEqualTo(0.5);
        assertThat(t.slices().get("easy").passes()).isEqualTo(2);
        assertThat(t.slices().get("hard").n()).isEqualTo(2);
        assertThat(t.latencyMs().n()).isEqualTo(6);
        assertThat(t.failures()).extracting(CallRow::caseId).containsExactlyInAnyOrder("it", "it", "jp");
        assertThat(r.directory()).contains(dir.resolve("run"));
        for (String f : new String[] {"results.jsonl", "summary.json", "report.md", "report.html", "junit.xml"}) {
            assertThat(dir.resolve("run").resolve(f)).isRegularFile();
        }
    }

    @Test
    void anExceptionIsAFailedCallWithServerErrorAndTheRunGoesOn() {
        var suite = capitals().repeat(1).target(Targets.function("fn", p -> {
            if (p.contains("Italy")) throw new IllegalStateException("no route to Rome");
            return p.contains("France") ? "Paris" : "Tokyo";
        })).build();
        RunResult r = Fieldtest.run(suite);

        TargetResult t = r.onlyTarget();
        assertThat(t.errors()).isEqualTo(1);
        assertThat(t.passRate().passes()).isEqualTo(2);
        CallRow italy = t.failures().getFirst();
        assertThat(italy.error()).isEqualTo("server_error");
        assertThat(italy.failures().getFirst()).contains("java.lang.IllegalStateException: no route to Rome");
        assertThat(r.directory()).isEmpty();
    }

    @Test
    void aFunctionThatOverrunsItsTimeoutIsATimedOutCallAndIsInterrupted() throws InterruptedException {
        var interrupted = new java.util.concurrent.CountDownLatch(1);
        var suite = capitals().repeat(1).target(Targets.function("fn", p -> {
            if (!p.contains("Italy")) return p.contains("France") ? "Paris" : "Tokyo";
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "Rome";
        }).withTimeout(java.time.Duration.ofMillis(200)));
        long start = System.nanoTime();
        TargetResult t = Fieldtest.run(suite.build()).onlyTarget();

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
        assertThat(t.failures()).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo("it");
            assertThat(c.error()).isEqualTo("timeout");
            assertThat(c.latencyMs()).isBetween(200.0, 5_000.0);
        });
        assertThat(t.passRate().passes()).isEqualTo(2);
        assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("the overrunning function was interrupted").isTrue();
    }

    @Test
    void aMeteredFunctionsCostIsDividedByPassingCalls() {
        // 6 calls at $0.01 each = $0.06; 3 pass (as above), so $0.02 per success; tokens 6 × 7 in, 6 × 2 out.
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        var suite = capitals().target(Targets.meteredFunction("fn",
                req -> Answer.of(answer(Targets.prompt(req), asked), 7, 2, 0.01))).build();
        TargetResult t = Fieldtest.run(suite).onlyTarget();

        assertThat(t.costUsd().total()).isCloseTo(0.06, within(1e-9));
        assertThat(t.costPerSuccess()).isCloseTo(0.02, within(1e-9));
        assertThat(t.costUsd().perCall()).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void aRequestFunctionSeesTheCaseIdAndEveryMessage() throws Exception {
        var suite = Fieldtest.suite("echo").message("system", "Be brief.").message("user", "Say {{word}}")
                .addCase("w1", Map.of("word", "hi"), "w1|system:Be brief.|user:Say hi")
                .check("equals", Map.of("value", "{{expected}}"))
                .target(Targets.requestFunction("echo", req -> req.caseId() + "|" + String.join("|",
                        req.messages().stream().map(m -> m.role() + ":" + m.content()).toList())))
                .build();
        RunResult r = Fieldtest.run(suite, dir.resolve("echo"));
        assertThat(r.onlyTarget().passRate().passes()).as(r.calls().toString()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("echo/summary.json"))).contains("\"echo\"");
    }
}
