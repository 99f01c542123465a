package dev.fieldtest.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real model, greedy: one child for the whole class. Skipped when stories260K.gguf is absent. */
class LlamaTargetTest {
    private static final String PROMPT = "Once upon a time";
    /** shared/models/README.md, 48 greedy tokens; compared up to the second sentence, which is plenty to be sure. */
    private static final String README_STORY = "Once upon a time, there was a little girl named Lily. She loved to play outside in the park.";
    private static final double PER_CALL = 0.0001;
    private static final double PER_SECOND = 0.002;
    private static LlamaTarget target;

    @BeforeAll
    static void start() {
        if (TestModel.present()) target = Specs.stories("params: {temperature: 0, max_tokens: 48}", "pricing: {per_call: " + PER_CALL + ", per_second: " + PER_SECOND + "}");
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
    void greedyOutputContinuesTheStoryAsTheModelsReadmeShows() throws Exception {
        Observation o = target.call(Specs.ask(PROMPT));

        assertThat(o.error()).as(o.errorMessage()).isNull();
        assertThat(PROMPT + o.output()).startsWith(README_STORY);
        assertThat(o.finishReason()).isEqualTo("length");
        assertThat(o.responseModel()).isEqualTo("stories260K.gguf");
        assertThat(o.attempts()).isEqualTo(1);
    }

    @Test
    void tokensStreamInOrderAndTheTimingsAgree() throws Exception {
        Observation o = target.call(Specs.ask(PROMPT));

        assertThat(o.chunkMs()).hasSize(48).isSorted().doesNotHaveDuplicates();
        assertThat(o.ttftMs()).isPositive().isEqualTo(o.chunkMs().get(0)).isLessThanOrEqualTo(o.latencyMs());
        assertThat(o.chunkMs().get(47)).isLessThanOrEqualTo(o.latencyMs());
    }

    @Test
    void usageCountsThePromptAndEveryStreamedToken() throws Exception {
        Observation o = target.call(Specs.ask(PROMPT));

        assertThat(o.usage().outputTokens()).isEqualTo(o.chunkMs().size()).isEqualTo(48);
        assertThat(o.usage().inputTokens()).isPositive().isLessThan(PROMPT.length());
    }

    @Test
    void costIsThePerCallPriceAndThePerSecondPriceOfTheMeasuredSeconds() throws Exception {
        Observation o = target.call(Specs.ask(PROMPT));

        assertThat(o.costUsd()).isCloseTo(PER_CALL + PER_SECOND * o.latencyMs() / 1000, within(1e-12));
    }

    @Test
    void messagesBecomeOnePlainPromptSystemFirst() throws Exception {
        Observation withSystem = target.call(new dev.fieldtest.core.CallRequest("c", 0,
                List.of(Message.user("Once upon a time"), new Message("system", "Lily"))));
        Observation plain = target.call(Specs.ask("Lily\n\nOnce upon a time"));

        assertThat(withSystem.output()).isEqualTo(plain.output());
    }

    @Test
    void concurrentCallsQueueForTheOneChildAndAllGetTheGreedyAnswer() throws Exception {
        String expected = target.call(Specs.ask(PROMPT)).output();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Observation>> calls = java.util.stream.IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> target.call(Specs.ask(PROMPT)))).toList();
            for (Future<Observation> call : calls) {
                Observation o = call.get();
                assertThat(o.output()).isEqualTo(expected);
                assertThat(o.chunkMs()).hasSize(48); // one generation's tokens, not interleaved with another's
            }
        }
    }

    @Test
    void describeNamesTheModelFileAndItsHash() {
        assertThat(target.describe()).containsEntry("type", "llama-cpp").containsEntry("model", "stories260K.gguf")
                .containsEntry("model_path", "stories260K.gguf").containsEntry("sha256", TestModel.SHA256)
                .containsEntry("params", java.util.Map.of("temperature", 0.0, "max_tokens", 48, "seed", 42, "stop", List.of()));
    }
}
