package dev.fieldtest.testkit.conformance;

import static dev.fieldtest.testkit.conformance.Capability.STREAMING;
import static dev.fieldtest.testkit.conformance.Capability.USAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.Observation;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Answers, plain and streamed: text, usage, cost and stream timing. Expected values are worked by hand. */
final class AnswerCases {
    static final String PARIS = "The capital of France is Paris.";

    private AnswerCases() {}

    static List<Case> cases() {
        return List.of(
                new Case("answer", "a plain answer comes back word for word, after one attempt", Set.of(), f -> {
                    Observation o = f.script(new Step.Answer(PARIS, 12, 7)).call();
                    Checks.succeeded(o);
                    assertThat(o.output()).isEqualTo(f.expected(PARIS));
                    assertThat(o.attempts()).isEqualTo(1);
                    assertThat(o.throttled()).isZero();
                    if (f.streamsAlways()) {
                        // one chunk per word: "The ", "capital ", "of ", "France ", "is ", "Paris."
                        assertThat(o.chunkMs()).as("chunk offsets of an always-streamed answer").hasSize(6).isSorted();
                        assertThat(o.ttftMs()).as("TTFT of an always-streamed answer").isEqualTo(o.chunkMs().get(0));
                    } else {
                        assertThat(o.chunkMs()).as("chunk offsets of a plain answer").isEmpty();
                        assertThat(o.ttftMs()).as("time to first token of a plain answer").isNull();
                    }
                }),
                new Case("answer", "a plain answer reports 12 input and 7 output tokens, costing 0.0001 USD at 2.50/10.00 per Mtok",
                        Set.of(USAGE), f -> {
                    Observation o = f.script(new Step.Answer(PARIS, 12, 7)).call();
                    Checks.succeeded(o);
                    assertThat(o.usage()).as("usage").isNotNull();
                    assertThat(o.usage().inputTokens()).isEqualTo(12);
                    assertThat(o.usage().outputTokens()).isEqualTo(7);
                    // 12 × 2.50 / 1e6 + 7 × 10.00 / 1e6 = 0.00003 + 0.00007
                    assertThat(o.costUsd()).isCloseTo(0.0001, within(1e-12));
                }),
                new Case("streaming", "4 words streamed 150 ms then 50 ms apart: output assembled, 4 chunk offsets rising, "
                        + "TTFT >= 150 ms and < latency, latency >= 300 ms", Set.of(STREAMING), f -> {
                    f.script(new Step.Answer("one two three four", 5, 4, Duration.ofMillis(150), Duration.ofMillis(50)));
                    Observation o = f.call("stream", true);
                    Checks.succeeded(o);
                    assertThat(o.output()).isEqualTo(f.expected("one two three four"));
                    assertThat(o.chunkMs()).as("offsets of the content chunks").hasSize(4).isSorted();
                    assertThat(o.ttftMs()).as("TTFT").isNotNull().isGreaterThanOrEqualTo(150.0).isLessThan(o.latencyMs());
                    assertThat(o.chunkMs().get(0)).as("first chunk offset is the TTFT").isEqualTo(o.ttftMs());
                    // 150 ms to the first chunk, then three gaps of 50 ms
                    assertThat(o.chunkMs().get(3)).as("last chunk offset").isGreaterThanOrEqualTo(300.0);
                    assertThat(o.latencyMs()).isGreaterThanOrEqualTo(o.chunkMs().get(3));
                }),
                new Case("streaming", "a streamed answer reports 5 input and 4 output tokens, costing 0.0000525 USD",
                        Set.of(STREAMING, USAGE), f -> {
                    f.script(new Step.Answer("one two three four", 5, 4, Duration.ZERO, Duration.ZERO));
                    Observation o = f.call("stream", true);
                    Checks.succeeded(o);
                    assertThat(o.usage()).as("usage of a stream").isNotNull();
                    assertThat(o.usage().inputTokens()).isEqualTo(5);
                    assertThat(o.usage().outputTokens()).isEqualTo(4);
                    // 5 × 2.50 / 1e6 + 4 × 10.00 / 1e6 = 0.0000125 + 0.00004
                    assertThat(o.costUsd()).isCloseTo(0.0000525, within(1e-12));
                }));
    }
}
