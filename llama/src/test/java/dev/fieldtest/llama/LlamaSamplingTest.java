package dev.fieldtest.llama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real model, sampled with a fixed seed and a stop text: one child for the whole class. */
class LlamaSamplingTest {
    private static LlamaTarget target;

    @BeforeAll
    static void start() {
        if (TestModel.present()) target = Specs.stories("params: {temperature: 0.8, top_k: 40, top_p: 0.95, seed: 7, max_tokens: 48, stop: [\"park\"]}", "threads: 1");
    }

    @BeforeEach
    void needsTheModel() {
        TestModel.require();
    }

    @AfterAll
    static void stop() {
        if (target != null) target.close();
    }

    @Test
    void theSameSeedGivesTheSameSampledOutputTwice() throws Exception {
        Observation first = target.call(Specs.ask("Once upon a time"));
        Observation second = target.call(Specs.ask("Once upon a time"));

        assertThat(first.error()).as(first.errorMessage()).isNull();
        assertThat(first.output()).isNotBlank().isEqualTo(second.output());
    }

    @Test
    void aStopTextEndsTheAnswerAndIsLeftOut() throws Exception {
        // greedy, this story reaches "the park." within 48 tokens (see LlamaTargetTest); sampled it may or may not
        try (LlamaTarget greedy = Specs.stories("params: {temperature: 0, max_tokens: 48, stop: [\"park\"]}", "threads: 1")) {
            Observation o = greedy.call(Specs.ask("Once upon a time"));

            assertThat(o.output()).isEqualTo(", there was a little girl named Lily. She loved to play outside in the ");
            assertThat(o.finishReason()).isEqualTo("stop");
            assertThat(o.usage().outputTokens()).isLessThan(48);
        }
    }
}
