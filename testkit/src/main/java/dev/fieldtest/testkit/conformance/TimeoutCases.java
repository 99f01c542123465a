package dev.fieldtest.testkit.conformance;

import static dev.fieldtest.testkit.conformance.Capability.INTERRUPT;
import static dev.fieldtest.testkit.conformance.Capability.STREAMING;
import static dev.fieldtest.testkit.conformance.Capability.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Deadlines and interrupts: a stalled server never holds a call much past its timeout or its interrupt. */
final class TimeoutCases {
    /** How far past its deadline a call may end: scheduling, connection teardown and a loaded CI machine. */
    static final double TOLERANCE_MS = 1000;

    private TimeoutCases() {}

    static List<Case> cases() {
        return List.of(
                new Case("timeouts", "a server silent for 10 s meets timeout 400ms: timeout after 400 to 1400 ms, 1 attempt", Set.of(TIMEOUT), f -> {
                    f.script(new Step.Stall(Duration.ofSeconds(10)));
                    long start = System.nanoTime();
                    Observation o = f.call("timeout", "400ms");
                    double tookMs = (System.nanoTime() - start) / 1e6;
                    Checks.failed(o, ErrorClass.TIMEOUT, 1);
                    assertThat(tookMs).as("ms the call took").isBetween(400.0, 400.0 + TOLERANCE_MS);
                }),
                new Case("timeouts", "a stream whose first chunk is 10 s away meets timeout 400ms: timeout after 400 to 1400 ms",
                        Set.of(TIMEOUT, STREAMING), f -> {
                    f.script(new Step.Answer("one two three", 3, 3, Duration.ofSeconds(10), Duration.ofSeconds(10)));
                    long start = System.nanoTime();
                    Observation o = f.call("timeout", "400ms", "stream", true);
                    double tookMs = (System.nanoTime() - start) / 1e6;
                    Checks.failed(o, ErrorClass.TIMEOUT, 1);
                    assertThat(tookMs).as("ms the call took").isBetween(400.0, 400.0 + TOLERANCE_MS);
                }),
                new Case("timeouts", "a call to a server silent for 10 s, interrupted after 200 ms, throws InterruptedException within 1 s",
                        Set.of(INTERRUPT), f -> {
                    f.script(new Step.Stall(Duration.ofSeconds(10)));
                    Target target = f.target("timeout", "30s");
                    CompletableFuture<Thread> caller = new CompletableFuture<>();
                    CompletableFuture<Object> outcome = new CompletableFuture<>();
                    Thread t = Thread.ofPlatform().daemon().start(() -> {
                        caller.complete(Thread.currentThread());
                        try {
                            outcome.complete(target.call(Fixture.QUESTION));
                        } catch (Throwable e) {
                            outcome.complete(e);
                        }
                    });
                    Thread.sleep(200);
                    long interrupted = System.nanoTime();
                    caller.get().interrupt();
                    Object result;
                    try {
                        result = outcome.get(5, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        t.interrupt();
                        throw new AssertionError("the interrupted call was still running 5 s after its interrupt");
                    }
                    double tookMs = (System.nanoTime() - interrupted) / 1e6;
                    assertThat(result).as("what the interrupted call ended with").isInstanceOf(InterruptedException.class);
                    assertThat(tookMs).as("ms from interrupt to the end of the call").isLessThan(TOLERANCE_MS);
                }));
    }
}
