package dev.fieldtest.llama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.llama.SamplingParams;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parent's side of every way a child can fail, with stand-in children and no model. */
class ModelProcessFailureTest {
    private static final SamplingParams PARAMS = SamplingParams.defaults();
    private static final Duration LONG = Duration.ofSeconds(30);

    private static ModelProcess fake(String mode) {
        return new ModelProcess(ChildCommand.of(FakeChild.class.getName(), List.of(mode)));
    }

    @Test
    void answersStreamBackTokenByTokenWithTheParentsTimings() throws Exception {
        try (ModelProcess p = fake("echo")) {
            Generation g = p.generate("abc", PARAMS, LONG);

            assertThat(g.error()).isNull();
            assertThat(g.text()).isEqualTo("abc");
            assertThat(g.chunkMs()).hasSize(3).isSorted();
            assertThat(g.ttftMs()).isPositive().isLessThanOrEqualTo(g.latencyMs());
            assertThat(g.usage().outputTokens()).isEqualTo(3);
            assertThat(p.lastStartup().loadMs()).isEqualTo(1.5);
        }
    }

    @Test
    void concurrentCallsAreServedOneAtATimeEachWithItsOwnAnswer() throws Exception {
        try (ModelProcess p = fake("echo"); ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Generation>> calls = IntStream.range(0, 24).mapToObj(i -> pool.submit(() -> p.generate("prompt " + i, PARAMS, LONG))).toList();
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get(30, TimeUnit.SECONDS).text()).isEqualTo("prompt " + i);
            }
        }
    }

    @Test
    void aChildThatDiesDuringACallIsAConnectionErrorWithItsStderrAndIsRestarted() throws Exception {
        try (ModelProcess p = fake("die")) {
            Generation g = p.generate("x", PARAMS, LONG);
            long first = p.lastStartup().pid();

            assertThat(g.error()).isEqualTo(ErrorClass.CONNECTION);
            assertThat(g.errorMessage()).contains("ended during the call", "exit code 3", "GGML_ASSERT(n_tokens <= n_batch) failed");
            assertThat(g.reachedModel()).isTrue();
            assertThat(p.generate("x", PARAMS, LONG).error()).isEqualTo(ErrorClass.CONNECTION);
            assertThat(p.lastStartup().pid()).isNotEqualTo(first);
        }
    }

    @Test
    void garbageOnTheProtocolIsAMalformedResponseAndTheChildIsStopped() throws Exception {
        try (ModelProcess p = fake("garbage")) {
            Generation g = p.generate("x", PARAMS, LONG);
            long pid = p.lastStartup().pid();

            assertThat(g.error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
            assertThat(g.errorMessage()).contains("\"GGML_ASSERT something on stdout\"", "not an answer to request 1");
            assertThat(ProcessHandle.of(pid).map(h -> h.onExit().join().isAlive()).orElse(false)).isFalse();
        }
        try (ModelProcess p = fake("wrong-id")) {
            assertThat(p.generate("x", PARAMS, LONG).error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        }
    }

    @Test
    void aRefusedRequestIsAClientErrorAndTheChildKeepsServing() throws Exception {
        try (ModelProcess p = fake("refuse")) {
            Generation g = p.generate("x", PARAMS, LONG);
            long pid = p.lastStartup().pid();

            assertThat(g.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
            assertThat(g.errorMessage()).isEqualTo("the request was refused: the prompt is longer than the context");
            assertThat(p.generate("x", PARAMS, LONG).error()).isEqualTo(ErrorClass.CLIENT_ERROR);
            assertThat(p.pid()).hasValue(pid);
        }
    }

    @Test
    void aHangingChildTimesOutAndIsKilled() throws Exception {
        try (ModelProcess p = fake("hang")) {
            Generation g = p.generate("x", PARAMS, Duration.ofMillis(300));
            long pid = p.lastStartup().pid();

            assertThat(g.error()).isEqualTo(ErrorClass.TIMEOUT);
            assertThat(g.errorMessage()).startsWith("no complete answer from llama.cpp within 300ms (0 tokens so far)");
            assertThat(g.latencyMs()).isBetween(300.0, 10_000.0);
            assertThat(p.pid()).isEmpty();
            assertThat(ProcessHandle.of(pid).map(h -> h.onExit().join().isAlive()).orElse(false)).isFalse();
        }
    }

    @Test
    void childrenThatNeverBecomeReadyFailTheCallWithTheirReason() throws Exception {
        try (ModelProcess p = fake("exit-at-start")) {
            Generation g = p.generate("x", PARAMS, LONG);
            assertThat(g.error()).isEqualTo(ErrorClass.CONNECTION);
            assertThat(g.errorMessage()).contains("ended before its model was loaded", "exit code 1", "fake: cannot load the model");
            assertThat(g.reachedModel()).isFalse();
        }
        try (ModelProcess p = fake("load-error")) {
            assertThat(p.generate("x", PARAMS, LONG).errorMessage()).startsWith("llama.cpp could not load fake.gguf: boom; exit code 1");
        }
        try (ModelProcess p = fake("garbage-at-start")) {
            assertThat(p.generate("x", PARAMS, LONG).error()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        }
        try (ModelProcess p = new ModelProcess(ChildCommand.of(FakeChild.class.getName(), List.of("never-ready")), Duration.ofMillis(500))) {
            Generation g = p.generate("x", PARAMS, LONG);
            assertThat(g.error()).isEqualTo(ErrorClass.CONNECTION);
            assertThat(g.errorMessage()).contains("did not load its model within 500ms");
        }
    }

    @Test
    void aJavaThatCannotStartIsAConnectionError() throws Exception {
        ChildCommand broken = new ChildCommand("/nonexistent/bin/java", List.of(), "", FakeChild.class.getName(), List.of("echo"));
        try (ModelProcess p = new ModelProcess(broken)) {
            Generation g = p.generate("x", PARAMS, LONG);
            assertThat(g.error()).isEqualTo(ErrorClass.CONNECTION);
            assertThat(g.errorMessage()).startsWith("cannot start the llama.cpp child JVM (/nonexistent/bin/java)");
        }
    }

    @Test
    void anInterruptedCallStopsTheChildAndAClosedProcessRefusesCalls() throws Exception {
        ModelProcess p = fake("hang");
        java.util.concurrent.CompletableFuture<Throwable> thrown = new java.util.concurrent.CompletableFuture<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                p.generate("x", PARAMS, LONG);
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        while (p.lastStartup() == null) Thread.sleep(10);
        long pid = p.lastStartup().pid();
        Thread.sleep(100); // the request is with the child, which never answers
        caller.interrupt();

        assertThat(thrown.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.of(pid).map(h -> h.onExit().join().isAlive()).orElse(false)).isFalse();
        p.close();
        Generation g = p.generate("x", PARAMS, LONG);
        assertThat(g.error()).isEqualTo(ErrorClass.CONNECTION);
        assertThat(g.errorMessage()).isEqualTo("the llama-cpp target is closed");
    }
}
