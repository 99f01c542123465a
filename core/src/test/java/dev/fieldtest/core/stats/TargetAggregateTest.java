package dev.fieldtest.core.stats;

import static dev.fieldtest.core.stats.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.config.Defaults;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetAggregateTest {

    @Test
    void costPerSuccessIncludesFailedCalls() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call("t", "c1").cost(0.01).build());                           // passes
        a.add(call("t", "c2").fail().cost(0.02).build());                    // a verdict failed
        a.add(call("t", "c3").error(ErrorClass.SERVER_ERROR).cost(0.03).build()); // the call failed
        // total = 0.01 + 0.02 + 0.03 = 0.06 over 3 calls, 1 passing: per_call 0.02, per_success 0.06
        assertThat(a.costUsd()).isEqualByComparingTo(new BigDecimal(0.01).add(new BigDecimal(0.02)).add(new BigDecimal(0.03)));
        var cost = TargetSummaryJson.render(a, 1).get("cost_usd");
        assertThat(cost.get("total").asDouble()).isEqualTo(0.06);
        assertThat(cost.get("per_call").asDouble()).isEqualTo(0.02);
        assertThat(cost.get("per_success").asDouble()).isEqualTo(0.06);
        assertThat(a.passes()).isEqualTo(1);
        assertThat(a.errors()).isEqualTo(1);
    }

    @Test
    void aFailedCallNeverPassesEvenIfMarkedSo() {
        TargetAggregate a = new TargetAggregate("t");
        var failed = call("t", "c").error(ErrorClass.TIMEOUT).build();
        // a malformed row claiming pass=true for a failed call
        a.add(new dev.fieldtest.core.ScoredCall(failed.runId(), failed.observation(), failed.verdicts(), failed.tags(),
                true, 0.8));
        assertThat(a.passes()).isZero();
        assertThat(a.perCase().get("c")).isEqualTo(new Tally(1, 0));
        assertThat(a.calibration().n()).isEqualTo(1);
        assertThat(a.calibration().brier().getAsDouble()).isEqualTo(0.8 * 0.8);
    }

    @Test
    void worstSliceTakesTheLowestRateAmongBigEnoughSlices() {
        assertThat(Defaults.WORST_SLICE_MIN_N).isEqualTo(5);
        Map<String, Tally> slices = new LinkedHashMap<>();
        slices.put("tiny", new Tally(2, 0)); // rate 0 but n < 5: not eligible
        slices.put("b", new Tally(5, 2));    // 0.4
        slices.put("c", new Tally(6, 5));    // 0.83
        assertThat(Slice.worst(slices, 5)).contains(new Slice("b", new Tally(5, 2)));
    }

    @Test
    void worstSliceTiesGoToLargerNThenName() {
        Map<String, Tally> byN = Map.of("d", new Tally(5, 2), "e", new Tally(10, 4)); // both 0.4
        assertThat(Slice.worst(byN, 5).orElseThrow().name()).isEqualTo("e");
        Map<String, Tally> byName = Map.of("x", new Tally(5, 1), "w", new Tally(5, 1), "y", new Tally(5, 1));
        assertThat(Slice.worst(byName, 5).orElseThrow().name()).isEqualTo("w");
        // 1/3 vs 333333333/1000000000: exact comparison, no floating-point tie
        Map<String, Tally> close = Map.of("third", new Tally(3_000_000_000L, 1_000_000_000L),
                "almost", new Tally(1_000_000_000L, 333_333_333L));
        assertThat(Slice.worst(close, 5).orElseThrow().name()).isEqualTo("almost");
    }

    @Test
    void worstSliceFallsBackToAllSlicesWhenNoneIsBigEnough() {
        Map<String, Tally> slices = Map.of("p", new Tally(2, 1), "q", new Tally(3, 1));
        assertThat(Slice.worst(slices, 5).orElseThrow().name()).isEqualTo("q");
        assertThat(Slice.worst(Map.of(), 5)).isEmpty();
    }

    @Test
    void worstSliceThroughTheAggregate() {
        TargetAggregate a = new TargetAggregate("t");
        for (int i = 0; i < 2; i++) a.add(call("t", "s" + i).tags("tiny").fail().build());
        for (int i = 0; i < 5; i++) a.add(call("t", "b" + i).tags("big").pass(i < 3).build());
        assertThat(a.worstSlice().orElseThrow()).isEqualTo(new Slice("big", new Tally(5, 3)));
        var json = TargetSummaryJson.render(a, 1).get("worst_slice");
        assertThat(json.get("name").asText()).isEqualTo("big");
        assertThat(json.get("pass_rate").asDouble()).isEqualTo(0.6);
        assertThat(json.get("n").asLong()).isEqualTo(5);

        TargetAggregate untagged = new TargetAggregate("t");
        untagged.add(call("t", "c").build());
        assertThat(untagged.worstSlice()).isEmpty();
        assertThat(TargetSummaryJson.render(untagged, 1).get("worst_slice").isNull()).isTrue();
    }

    @Test
    void aTagListedTwiceCountsOnce() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call("t", "c").tags("x", "x", "y").build());
        assertThat(a.slices()).containsEntry("x", new Tally(1, 1)).containsEntry("y", new Tally(1, 1));
    }

    @Test
    void callsWithoutACaseIdCountEverywhereButPerCase() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call("t", null).tags("prod").build());
        a.add(call("t", "c").build());
        assertThat(a.calls()).isEqualTo(2);
        assertThat(a.cases()).isEqualTo(1);
        assertThat(a.slices()).containsEntry("prod", new Tally(1, 1));
    }

    @Test
    void distinctCasesAndPerCaseTallies() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call("t", "b").build());
        a.add(call("t", "a").fail().build());
        a.add(call("t", "b").repeat(1).fail().build());
        assertThat(a.cases()).isEqualTo(2);
        assertThat(a.perCase()).containsExactly(Map.entry("a", new Tally(1, 0)), Map.entry("b", new Tally(2, 1)));
    }

    @Test
    void rejectsCallsItCannotCountAndStaysUnchanged() {
        TargetAggregate a = new TargetAggregate("t");
        assertThatThrownBy(() -> a.add(call("other", "c").build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.add(call("t", "c").confidence(1.5).build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.add(call("t", "c").latencyMs(-3).build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.add(call("t", "c").ttftMs(Double.NaN).build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.add(call("t", "c").cost(Double.NaN).build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.add(call("t", "c").cost(-1).build())).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.calls()).isZero();
        assertThat(a.slices()).isEmpty();
        assertThat(a.cases()).isZero();
        assertThatThrownBy(() -> a.merge(new TargetAggregate("other"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedCallsMayCarryAnyLatency() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call("t", "c").error(ErrorClass.CONNECTION).latencyMs(Double.NaN).build());
        assertThat(a.errors()).isEqualTo(1);
        assertThat(a.latency().count()).isZero();
    }

    @Test
    void countsThrottlingRetriesAndTokens() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call("t", "c").attempts(4).throttled(3).usage(10, 5).build());
        a.add(call("t", "c").error(ErrorClass.THROTTLED).attempts(2).throttled(2).usage(7, 0).build());
        a.add(call("t", "c").attempts(0).build()); // never attempted: no negative retries
        assertThat(a.throttled()).isEqualTo(5);
        assertThat(a.retries()).isEqualTo(4);
        assertThat(a.inputTokens()).isEqualTo(17);
        assertThat(a.outputTokens()).isEqualTo(5);
    }

    @Test
    void mergingWithItselfDoubles() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call("t", "c").tags("x").confidence(0.5).build());
        a.merge(a);
        assertThat(a.calls()).isEqualTo(2);
        assertThat(a.slices()).containsEntry("x", new Tally(2, 2));
        assertThat(a.calibration().n()).isEqualTo(2);
        assertThat(a.latency().count()).isEqualTo(2);
    }
}
