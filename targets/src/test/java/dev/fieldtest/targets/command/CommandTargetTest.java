package dev.fieldtest.targets.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.targets.ProviderSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTargetTest {
    private static final CallRequest HELLO = new CallRequest("c", 0, List.of(Message.user("Hello, world!")));

    private static Observation call(String yaml, CallRequest request) throws InterruptedException {
        try (Target t = ProviderSpecs.target("command", "id: prog\n" + yaml)) {
            return t.call(request);
        }
    }

    @Test
    void catAnswersWithThePromptAndTheTokenizerCounts() throws Exception {
        Observation o = call("command: [cat]\npricing: {per_call: 0.01}\n", HELLO);
        assertThat(o.output()).as(o.errorMessage()).isEqualTo("Hello, world!");
        // cl100k_base: "Hello" "," " world" "!" = 4 tokens each way
        assertThat(o.usage()).isEqualTo(new Usage(4, 4, 0, 0, Usage.Source.TOKENIZER));
        assertThat(o.costUsd()).isCloseTo(0.01, within(1e-12)); // token prices 0, per_call 0.01
        assertThat(o.attempts()).isEqualTo(1);
    }

    @Test
    void messagesGoToStdinAsJsonAndOneTrailingNewlineIsDropped() throws Exception {
        var request = new CallRequest("c", 0, List.of(new Message("system", "s"), Message.user("say \"q\"")));
        assertThat(call("command: [cat]\ninput: messages\n", request).output())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"say \\\"q\\\"\"}]");
        assertThat(call("command: \"printf 'two\\\\n\\\\n'\"\n", HELLO).output()).isEqualTo("two\n");
    }

    @Test
    void aNonZeroExitIsAServerErrorWithStderrRedacted() throws Exception {
        Observation o = call("""
                command: 'echo "token $TOKEN rejected" >&2; exit 3'
                env: {TOKEN: "${TEST_OPENAI_KEY}"}
                """, HELLO);
        assertThat(o.error()).isEqualTo(ErrorClass.SERVER_ERROR);
        assertThat(o.errorMessage()).startsWith("/bin/sh exited with status 3; stderr: token ").endsWith(" rejected")
                .doesNotContain("sk-test-0123456789abcdef");
        assertThat(o.usage()).isNull();
    }

    @Test
    void aProgramPastItsTimeoutIsKilled() throws Exception {
        long start = System.nanoTime();
        Observation o = call("command: [sleep, '5']\ntimeout: 300ms\n", HELLO);
        assertThat(o.error()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(o.errorMessage()).isEqualTo("sleep did not finish within 300ms and was killed; raise the target's timeout if it is slow");
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(3000);
    }

    @Test
    void aProgramThatCannotStartIsAConnectionError() throws Exception {
        Observation o = call("command: [/no/such/program]\n", HELLO);
        assertThat(o.error()).isEqualTo(ErrorClass.CONNECTION);
        assertThat(o.errorMessage()).startsWith("cannot start /no/such/program");
    }

    @Test
    void retriesWhenAskedAndRunsInItsDirectory(@TempDir Path dir) throws Exception {
        Observation o = call("""
                command: 'if [ -f marker ]; then echo second; else touch marker; echo first failed >&2; exit 1; fi'
                dir: %s
                max_retries: 1
                backoff: 1ms
                """.formatted(dir), HELLO);
        assertThat(o.output()).as(o.errorMessage()).isEqualTo("second");
        assertThat(o.attempts()).isEqualTo(2);
        assertThat(dir.resolve("marker")).exists();
    }

    @Test
    void aProgramThatIgnoresALargeInputStillAnswers() throws Exception {
        var big = new CallRequest("c", 0, List.of(Message.user("x".repeat(1_000_000))));
        Observation o = call("command: \"printf done\"\ntokenizer: none\n", big);
        assertThat(o.output()).as(o.errorMessage()).isEqualTo("done");
        assertThat(o.usage()).isNull();
    }
}
