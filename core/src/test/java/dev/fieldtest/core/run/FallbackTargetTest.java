package dev.fieldtest.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.FallbackTrace;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.stats.RunAggregate;
import dev.fieldtest.core.stats.TargetSummaryJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackTargetTest {
    private static final CallRequest ASK = new CallRequest("c", 0, List.of(new Message("user", "hi")));

    /** A target that sleeps {@code ms}, then fails with {@code error} (null: answers) and bills {@code usd}. */
    static Target fixed(String id, ErrorClass error, long ms, double usd) {
        return new Target() {
            public String id() { return id; }

            public Observation call(CallRequest r) throws InterruptedException {
                Thread.sleep(ms);
                return new Observation(id, r.caseId(), r.repeatIndex(), r.messages(), error == null ? "ok from " + id : null,
                        new Usage(5, 1), ms, error == null ? 1.0 : null, error == null ? List.of(1.0) : null, 2, error == ErrorClass.THROTTLED ? 2 : 0,
                        error, error == null ? null : "failed", usd, "stop", id);
            }

            public Map<String, Object> describe() { return Map.of("model", id); }
        };
    }

    @Test
    void twoFailedHopsThenTheSecondFallbackAnswersWithWaitsAndBillsSummed() throws Exception {
        Target t = new FallbackTarget(fixed("a", ErrorClass.THROTTLED, 30, 0.0),
                List.of(fixed("b", ErrorClass.TRUNCATED_STREAM, 20, 0.0005), fixed("c", null, 10, 0.002)));
        Observation o = t.call(ASK);
        assertThat(o.targetId()).isEqualTo("a");
        assertThat(o.output()).isEqualTo("ok from c");
        assertThat(o.fallback().answeredBy()).isEqualTo("c");
        assertThat(o.fallback().hops()).isEqualTo(2);
        assertThat(o.fallback().failed()).extracting(FallbackTrace.Hop::target, FallbackTrace.Hop::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", ErrorClass.THROTTLED), org.assertj.core.groups.Tuple.tuple("b", ErrorClass.TRUNCATED_STREAM));
        // a stream cut after some tokens is billed: 0.0005 of b plus c's 0.002
        assertThat(o.costUsd()).isCloseTo(0.0025, within(1e-12));
        assertThat(o.usage()).isEqualTo(new Usage(15, 3));
        assertThat(o.attempts()).isEqualTo(6);
        assertThat(o.throttled()).isEqualTo(2);
        // the caller waited through a's 30 ms and b's 20 ms before c's 10 ms; TTFT and chunks move by the same wait
        assertThat(o.fallback().addedLatencyMs()).isGreaterThanOrEqualTo(50.0);
        assertThat(o.latencyMs()).isCloseTo(o.fallback().addedLatencyMs() + 10, within(1e-9));
        assertThat(o.ttftMs()).isCloseTo(o.fallback().addedLatencyMs() + 1, within(1e-9));
    }

    @Test
    void whenEveryTargetFailsTheLastErrorIsTheCallsAndNobodyAnswered() throws Exception {
        Target t = new FallbackTarget(fixed("a", ErrorClass.SERVER_ERROR, 0, 0), List.of(fixed("b", ErrorClass.TIMEOUT, 0, 0)));
        Observation o = t.call(ASK);
        assertThat(o.error()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(o.fallback().answeredBy()).isNull();
        assertThat(o.fallback().hops()).isEqualTo(1);
        assertThat(o.fallback().failed()).singleElement().satisfies(h -> assertThat(h.target()).isEqualTo("a"));
    }

    @Test
    void theSummaryOfASplitRunMergesToTheSummaryOfTheWholeAndRoundTripsThroughResultsJsonl() throws Exception {
        Target flaky = new FallbackTarget(fixed("a", ErrorClass.SERVER_ERROR, 0, 0.001), List.of(fixed("b", null, 0, 0.004)));
        Target steady = new FallbackTarget(fixed("a", null, 0, 0.001), List.of(fixed("b", null, 0, 0.004)));
        List<ScoredCall> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Observation o = (i % 3 == 0 ? flaky : steady).call(new CallRequest("c" + i, 0, ASK.messages()));
            calls.add(ResultsCodec.decode(ResultsCodec.encode(new ScoredCall("r", o, List.of(), List.of(), i != 3, null))));
        }
        RunAggregate whole = calls.stream().collect(RunAggregate.collector());
        RunAggregate half = calls.subList(0, 3).stream().collect(RunAggregate.collector());
        half.merge(calls.subList(3, 6).stream().collect(RunAggregate.collector()));
        assertThat(TargetSummaryJson.targets(half, 1)).isEqualTo(TargetSummaryJson.targets(whole, 1));
        JsonNode f = TargetSummaryJson.targets(whole, 1).path("a").path("fallback");
        // calls 0 and 3 failed on a (billed 0.001 each) and went to b (0.004 each): 2 recovered, b answered 1 of 2 passing
        assertThat(f.path("primary_failures").asInt()).isEqualTo(2);
        assertThat(f.path("recovered").asInt()).isEqualTo(2);
        assertThat(f.path("cost_usd_of_fallback").asDouble()).isCloseTo(0.008, within(1e-12));
        assertThat(f.path("pass_rate_when_fallback_answered").path("value").asDouble()).isEqualTo(0.5);
        assertThat(f.path("pass_rate_when_primary_answered").path("value").asDouble()).isEqualTo(1.0);
        assertThat(f.path("pass_rate_when_primary_answered").path("n").asInt()).isEqualTo(4);
        assertThat(TargetSummaryJson.targets(whole, 1).path("a").path("cost_usd").path("total").asDouble()).isCloseTo(4 * 0.001 + 2 * 0.005, within(1e-12));
    }
}
