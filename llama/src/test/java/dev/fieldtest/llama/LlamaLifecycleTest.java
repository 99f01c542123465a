package dev.fieldtest.llama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.llama.internal.ChildCommand;
import dev.fieldtest.llama.internal.Generation;
import dev.fieldtest.llama.internal.ModelProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starting, killing and ending the real child; one thread, which starts faster on small machines (docs/llama.md). */
class LlamaLifecycleTest {
    private static final SamplingParams GREEDY_48 = new SamplingParams(0, 48, 42, null, null, List.of());

    @Test
    void aTinyTimeoutKillsTheChildAndTheNextCallStartsAFreshOne() throws Exception {
        try (ModelProcess p = new ModelProcess(ChildCommand.forModel(TestModel.require(), 512, 1))) {
            Generation timedOut = p.generate("Once upon a time", GREEDY_48, Duration.ofMillis(1));
            long first = p.lastStartup().pid();

            assertThat(timedOut.error()).isEqualTo(ErrorClass.TIMEOUT);
            assertThat(ProcessHandle.of(first).map(h -> h.onExit().join().isAlive()).orElse(false)).isFalse();

            Generation next = p.generate("Once upon a time", GREEDY_48, Duration.ofSeconds(30));
            assertThat(next.error()).as(next.errorMessage()).isNull();
            assertThat(next.text()).startsWith(", there was a little girl named Lily.");
            assertThat(p.lastStartup().pid()).isNotEqualTo(first);
        }
    }

    @Test
    void aTargetWithATinyTimeoutReportsTimeout() throws Exception {
        try (LlamaTarget t = Specs.stories("timeout: 1ms", "pricing: {per_second: 1}", "threads: 1")) {
            Observation o = t.call(Specs.ask("Once upon a time"));

            assertThat(o.error()).isEqualTo(ErrorClass.TIMEOUT);
            assertThat(o.output()).isNull();
            assertThat(o.errorMessage()).startsWith("no complete answer from llama.cpp within 1ms");
            assertThat(o.costUsd()).as("the compute spent until the kill is charged").isCloseTo(o.latencyMs() / 1000, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void aPromptThatDoesNotFitTheContextIsRefusedRatherThanCut() throws Exception {
        try (LlamaTarget t = Specs.stories("context: 16", "params: {max_tokens: 4}", "threads: 1")) {
            Observation refused = t.call(Specs.ask("Once upon a time there was a little girl named Lily who loved to play in the park"));

            assertThat(refused.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
            assertThat(refused.errorMessage()).matches("the request was refused: the prompt has \\d+ tokens \\(plus BOS\\), which leaves no room"
                    + " in the context of 16 tokens; raise the target's context to at least prompt \\+ max_tokens");
            assertThat(t.call(Specs.ask("Once upon a time")).error()).as("the child goes on serving").isNull();
        }
    }

    @Test
    void aChildKilledBetweenCallsIsStartedAgain() throws Exception {
        try (LlamaTarget t = Specs.stories("params: {max_tokens: 8}", "threads: 1")) {
            assertThat(t.call(Specs.ask("Once upon a time")).error()).isNull();
            long first = t.process().pid().orElseThrow();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            ProcessHandle.of(first).ifPresent(h -> h.onExit().join());

            Observation o = t.call(Specs.ask("Once upon a time"));
            assertThat(o.error()).as(o.errorMessage()).isNull();
            assertThat(t.process().pid()).isPresent().isNotEqualTo(java.util.OptionalLong.of(first));
        }
    }

    @Test
    void closeLeavesNoChildProcessAndNoNativeLibraryCopy() throws Exception {
        LlamaTarget t = Specs.stories("params: {max_tokens: 8}", "threads: 1");
        assertThat(t.call(Specs.ask("Once upon a time")).error()).isNull();
        ProcessHandle child = ProcessHandle.of(t.process().pid().orElseThrow()).orElseThrow();
        Path nativeFolder = Path.of(List.of(child.info().arguments().orElseThrow()).stream()
                .filter(a -> a.startsWith("-Dde.kherud.llama.tmpdir=")).findFirst().orElseThrow().substring("-Dde.kherud.llama.tmpdir=".length()));
        assertThat(nativeFolder.resolve("libjllama.so")).exists();

        t.close();

        assertThat(child.isAlive()).isFalse();
        assertThat(ProcessHandle.current().descendants().filter(h -> h.info().commandLine().orElse("").contains("ChildMain"))).isEmpty();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Files.exists(nativeFolder) && System.nanoTime() < deadline) Thread.sleep(20); // removed as the child's exit is noticed
        assertThat(nativeFolder).doesNotExist();
    }
}
