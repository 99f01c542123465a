package dev.fieldtest.core.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Usage;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.run.BoundCheck;
import dev.fieldtest.core.run.CallScorer;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring spans with the offline CallScorer: the budget stop, error spans, unscorable spans, the span as the check sees it. */
class OnlineScoringTest {
    private static final String IN = "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
            + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is my order?\"}]}]";
    private static final String OUT = "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"It ships today.\"},"
            + "{\"type\":\"tool_call\",\"name\":\"x\"}],\"finish_reason\":\"stop\"}]";

    /** Passes when the output says "ships"; costs what a judge call would: 0.25 USD. */
    private static final Check GRADED = new Check() {
        @Override
        public String name() {
            return "graded";
        }

        @Override
        public Verdict check(CheckInput in) {
            Verdict v = in.text().contains("ships") ? Verdict.pass("graded") : Verdict.fail("graded", "no");
            return v.withCost(new Usage(100, 10), 0.25);
        }
    };

    static OnlineSpan span(String id, String error, String input, String output) {
        return new OnlineSpan("t" + id, "s" + id, "checkout", "m-req", "m-resp", Instant.parse("2026-11-23T10:00:00Z"), 120.0, 30.0, 12L, 4L,
                List.of("stop"), error, input, output, 0.001);
    }

    private static List<OnlineSpan> spans(int n) {
        List<OnlineSpan> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(span(String.valueOf(i), null, IN, OUT));
        return out;
    }

    @Test
    void theBudgetStopsBeforeTheSpanThatWouldPassIt() {
        List<OnlineScoring.ScoredSpan> scored = new ArrayList<>();
        var outcome = new OnlineScoring(new CallScorer(List.of(new BoundCheck(GRADED, null)), null), "s", 1.0)
                .run(spans(6), OnlineScoring.storing(scored::add));
        // 0.25 per span: after 4 spans 1.00 is spent; a fifth would make 1.25 > 1.00
        assertThat(outcome.scored()).isEqualTo(4);
        assertThat(outcome.budgetStopped()).isTrue();
        assertThat(6 - outcome.scored() - outcome.skipped()).isEqualTo(2);
        assertThat(outcome.spentUsd()).isEqualTo(1.0);
        assertThat(scored).extracting(s -> s.span().traceId()).containsExactly("t0", "t1", "t2", "t3");
        assertThat(scored).allSatisfy(s -> assertThat(s.graderCostUsd()).isEqualTo(0.25));

        var under = new OnlineScoring(new CallScorer(List.of(new BoundCheck(GRADED, null)), null), "s", 0.99).run(spans(6), OnlineScoring.storing(s -> {}));
        assertThat(under.scored()).isEqualTo(3);
        var free = new OnlineScoring(new CallScorer(List.of(), null), "s", 0).run(spans(6), OnlineScoring.storing(s -> {}));
        assertThat(free.scored()).isEqualTo(6);
        assertThat(free.budgetStopped()).isFalse();
    }

    @Test
    void aSpanWithAnErrorTypeIsNeverAPassAndCostsNoGrading() {
        List<OnlineScoring.ScoredSpan> scored = new ArrayList<>();
        new OnlineScoring(new CallScorer(List.of(), null), "s", 1).run(List.of(span("e", "timeout", IN, null), span("f", "RateLimitError", IN, OUT)),
                OnlineScoring.storing(scored::add));
        assertThat(scored).hasSize(2).allSatisfy(s -> {
            assertThat(s.call().pass()).isFalse();
            assertThat(s.call().verdicts()).isEmpty();
            assertThat(s.graderCostUsd()).isZero();
        });
        assertThat(scored.get(0).call().observation().errorMessage()).isEqualTo("error.type=timeout");
        assertThat(scored.get(1).call().observation().error().wireName()).isEqualTo("throttled");
    }

    @Test
    void theCheckSeesTheSpansTextMessagesAndAnEmptyCase() {
        List<CheckInput> seen = new ArrayList<>();
        Check spy = new Check() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public Verdict check(CheckInput in) {
                seen.add(in);
                return Verdict.pass("spy");
            }
        };
        List<OnlineScoring.ScoredSpan> scored = new ArrayList<>();
        new OnlineScoring(new CallScorer(List.of(new BoundCheck(spy, null)), null), "s", 1).run(List.of(span("1", null, IN, OUT)),
                OnlineScoring.storing(scored::add));
        CheckInput in = seen.get(0);
        assertThat(in.text()).isEqualTo("It ships today.");
        assertThat(in.observation().input()).extracting(m -> m.role() + ": " + m.content()).containsExactly("system: Be brief.", "user: Where is my order?");
        assertThat(in.observation().targetId()).isEqualTo("m-resp");
        assertThat(in.observation().usage()).isEqualTo(new Usage(12, 4));
        assertThat(in.testCase().id()).isEqualTo("t1/s1");
        assertThat(in.testCase().vars()).isEmpty();
        assertThat(in.testCase().expected()).isNull();
        assertThat(in.testCase().expect()).isNull();
        assertThat(scored.get(0).call().pass()).isTrue();
    }

    @Test
    void aSpanWithoutRecordedOutputOrWithBrokenMessagesIsSkippedNotFailed() {
        List<String> reasons = new ArrayList<>();
        var outcome = new OnlineScoring(new CallScorer(List.of(), null), "s", 1).run(
                List.of(span("1", null, IN, null), span("2", null, "{not json", OUT), span("3", null, null, "[{\"role\":\"assistant\",\"content\":\"ok\"}]")),
                new OnlineScoring.Listener() {
                    @Override
                    public void scored(OnlineScoring.ScoredSpan s) {
                        reasons.add("scored " + s.call().observation().output());
                    }

                    @Override
                    public void skipped(OnlineSpan span, String reason) {
                        reasons.add(reason);
                    }
                });
        assertThat(outcome.scored()).isEqualTo(1);
        assertThat(outcome.skipped()).isEqualTo(2);
        assertThat(reasons.get(0)).isEqualTo("the span recorded no output messages");
        assertThat(reasons.get(1)).startsWith("input messages are not GenAI message JSON");
        assertThat(reasons.get(2)).isEqualTo("scored ok");
    }
}
