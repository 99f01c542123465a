package dev.fieldtest.core.stats;

import static dev.fieldtest.core.stats.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.ScoredCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetSummaryJsonTest {

    /**
     * Eight calls of target "t", suite repeat 3:
     * <pre>
     * case c1 [math]       pass (conf .9, 10 ms, ttft 5)   pass (conf .9, 20 ms, ttft 15)   fail (conf .9, 30 ms)
     * case c2 [math, hard] pass (40 ms, 3 attempts, 2×429)  error (timeout, 60 s, 2 attempts, 1×429)   fail (50 ms)
     * case c3 [easy]       pass (conf .6, 60 ms)            pass (conf .6, 70 ms)          (interrupted: 2 runs)
     * every call costs $0.01 and reports 100 input / 20 output tokens
     * </pre>
     */
    private static List<ScoredCall> sample() {
        List<ScoredCall> calls = new ArrayList<>();
        calls.add(call("t", "c1").tags("math").confidence(0.9).latencyMs(10).ttftMs(5.0).cost(0.01).usage(100, 20).build());
        calls.add(call("t", "c1").repeat(1).tags("math").confidence(0.9).latencyMs(20).ttftMs(15.0).cost(0.01).usage(100, 20).build());
        calls.add(call("t", "c1").repeat(2).tags("math").confidence(0.9).fail().latencyMs(30).cost(0.01).usage(100, 20).build());
        calls.add(call("t", "c2").tags("math", "hard").latencyMs(40).attempts(3).throttled(2).cost(0.01).usage(100, 20).build());
        calls.add(call("t", "c2").repeat(1).tags("math", "hard").error(ErrorClass.TIMEOUT).latencyMs(60_000).attempts(2)
                .throttled(1).cost(0.01).usage(100, 20).build());
        calls.add(call("t", "c2").repeat(2).tags("math", "hard").fail().latencyMs(50).cost(0.01).usage(100, 20).build());
        calls.add(call("t", "c3").tags("easy").confidence(0.6).latencyMs(60).cost(0.01).usage(100, 20).build());
        calls.add(call("t", "c3").repeat(1).tags("easy").confidence(0.6).latencyMs(70).cost(0.01).usage(100, 20).build());
        return calls;
    }

    private static ObjectNode render(List<ScoredCall> calls, int repeat) {
        TargetAggregate a = new TargetAggregate("t");
        calls.forEach(a::add);
        return TargetSummaryJson.render(a, repeat);
    }

    @Test
    void fieldNamesAndOrderAreTheContract() {
        ObjectNode json = render(sample(), 3);
        assertThat(names(json)).containsExactly("calls", "cases", "errors", "throttled", "retries", "cached_calls", "pass_rate",
                "pass_at_k", "pass_all_k", "pass_k_n", "calibration", "latency_ms", "ttft_ms", "tokens", "cost_usd",
                "slices", "worst_slice", "robustness");
        assertThat(names(json.get("pass_rate"))).containsExactly("value", "ci95", "n", "passes");
        assertThat(names(json.get("pass_at_k"))).containsExactly("1", "3");
        assertThat(names(json.get("pass_all_k"))).containsExactly("1", "3");
        assertThat(names(json.get("calibration"))).containsExactly("ece", "brier", "n");
        assertThat(names(json.get("latency_ms"))).containsExactly("p50", "p90", "p95", "p99", "max", "n");
        assertThat(names(json.get("ttft_ms"))).containsExactly("p50", "p90", "p95", "p99", "n");
        assertThat(names(json.get("tokens"))).containsExactly("input", "output");
        assertThat(names(json.get("cost_usd"))).containsExactly("total", "per_call", "per_success");
        assertThat(names(json.get("slices"))).containsExactly("easy", "hard", "math");
        assertThat(names(json.get("slices").get("math"))).containsExactly("n", "pass_rate", "ci95");
        assertThat(names(json.get("worst_slice"))).containsExactly("name", "pass_rate", "n");
    }

    @Test
    void countsAndRates() {
        JsonNode json = render(sample(), 3);
        assertThat(json.get("calls").asLong()).isEqualTo(8);
        assertThat(json.get("cases").asLong()).isEqualTo(3);
        assertThat(json.get("errors").asLong()).isEqualTo(1);
        assertThat(json.get("throttled").asLong()).isEqualTo(3);
        assertThat(json.get("retries").asLong()).isEqualTo(3); // (3−1) + (2−1)
        // 5 passes of 8 calls, the failed call counting as not passing; Wilson 5/8 (worked out by hand with
        // the quadratic formula): [0.305742, 0.863156]
        JsonNode passRate = json.get("pass_rate");
        assertThat(passRate.get("value").asDouble()).isEqualTo(0.625);
        assertThat(passRate.get("n").asLong()).isEqualTo(8);
        assertThat(passRate.get("passes").asLong()).isEqualTo(5);
        assertThat(passRate.get("ci95").isArray()).isTrue();
        assertThat(passRate.get("ci95")).hasSize(2);
        assertThat(passRate.get("ci95").get(0).asDouble()).isEqualTo(0.305742);
        assertThat(passRate.get("ci95").get(1).asDouble()).isEqualTo(0.863156);
    }

    @Test
    void passAtKOverCases() {
        JsonNode json = render(sample(), 3);
        // k=1: (2/3 + 1/3 + 2/2) / 3 = 2/3 -> 0.666667 (6 significant digits)
        assertThat(json.get("pass_at_k").get("1").asDouble()).isEqualTo(0.666667);
        assertThat(json.get("pass_all_k").get("1").asDouble()).isEqualTo(0.666667);
        // k=3: c3 ran only twice and is left out. c1 (n=3, c=2): pass@3 = 1 − C(1,3)/C(3,3) = 1, pass^3 = 0;
        // c2 (n=3, c=1): pass@3 = 1, pass^3 = 0.
        assertThat(json.get("pass_at_k").get("3").asDouble()).isEqualTo(1.0);
        assertThat(json.get("pass_all_k").get("3").asDouble()).isEqualTo(0.0);
        assertThat(json.get("pass_k_n").get("1").asInt()).isEqualTo(3);
        assertThat(json.get("pass_k_n").get("3").asInt()).isEqualTo(2);

        JsonNode repeat12 = render(sample(), 12);
        assertThat(names(repeat12.get("pass_at_k"))).containsExactly("1", "3", "5", "10", "12");
        assertThat(repeat12.get("pass_at_k").get("5").isNull()).isTrue(); // no case ran 5 times
        assertThat(repeat12.get("pass_k_n").get("5").asInt()).isZero();
        assertThat(names(render(sample(), 1).get("pass_at_k"))).containsExactly("1");
    }

    @Test
    void calibrationOverCallsThatStatedAConfidence() {
        JsonNode cal = render(sample(), 3).get("calibration");
        // five calls stated a confidence. bin 9: 0.9 ×3, 2 passed: 3/5 · |2/3 − 0.9| = 0.14;
        // bin 6: 0.6 ×2, both passed: 2/5 · |1 − 0.6| = 0.16. ECE = 0.3.
        // Brier = (0.1² + 0.1² + 0.9² + 0.4² + 0.4²) / 5 = (0.01 + 0.01 + 0.81 + 0.16 + 0.16) / 5 = 0.23
        assertThat(cal.get("n").asLong()).isEqualTo(5);
        assertThat(cal.get("ece").asDouble()).isEqualTo(0.3);
        assertThat(cal.get("brier").asDouble()).isEqualTo(0.23);

        JsonNode none = render(List.of(call("t", "c").build()), 1).get("calibration");
        assertThat(none.get("n").asLong()).isZero();
        assertThat(none.get("ece").isNull()).isTrue();
        assertThat(none.get("brier").isNull()).isTrue();
    }

    @Test
    void latencyOverSuccessfulCallsOnly() {
        JsonNode json = render(sample(), 3);
        JsonNode lat = json.get("latency_ms");
        // successful calls: 10, 20, 30, 40, 50, 60, 70 ms (the 60 s timeout is left out).
        // nearest rank: p50 = 4th = 40; p90, p95, p99 = 7th = 70; max 70.
        assertThat(lat.get("n").asLong()).isEqualTo(7);
        assertThat(lat.get("p50").asDouble()).isCloseTo(40, within(0.04 + 0.0005));
        assertThat(lat.get("p90").asDouble()).isCloseTo(70, within(0.07 + 0.0005));
        assertThat(lat.get("p95").asDouble()).isCloseTo(70, within(0.07 + 0.0005));
        assertThat(lat.get("p99").asDouble()).isCloseTo(70, within(0.07 + 0.0005));
        assertThat(lat.get("max").asDouble()).isCloseTo(70, within(0.07 + 0.0005));
        JsonNode ttft = json.get("ttft_ms");
        assertThat(ttft.get("n").asLong()).isEqualTo(2);
        assertThat(ttft.get("p50").asDouble()).isCloseTo(5, within(0.005 + 0.0005));
        assertThat(ttft.get("p99").asDouble()).isCloseTo(15, within(0.015 + 0.0005));
    }

    @Test
    void ttftAbsentWhenNoSuccessfulCallReportedOne() {
        ObjectNode json = render(List.of(call("t", "c").build(), call("t", "c").ttftMs(null).build()), 1);
        assertThat(json.has("ttft_ms")).isFalse();
    }

    @Test
    void allCallsFailed() {
        ObjectNode json = render(List.of(call("t", "c").error(ErrorClass.CONNECTION).cost(0.5).build()), 1);
        assertThat(json.get("errors").asLong()).isEqualTo(1);
        assertThat(json.get("pass_rate").get("value").asDouble()).isZero();
        assertThat(json.get("pass_rate").get("ci95").get(0).asDouble()).isZero();
        assertThat(json.get("latency_ms").get("n").asLong()).isZero();
        assertThat(json.get("latency_ms").get("p50").isNull()).isTrue();
        assertThat(json.get("latency_ms").get("max").isNull()).isTrue();
        assertThat(json.get("cost_usd").get("total").asDouble()).isEqualTo(0.5);
        assertThat(json.get("cost_usd").get("per_call").asDouble()).isEqualTo(0.5);
        assertThat(json.get("cost_usd").get("per_success").isNull()).isTrue();
        assertThat(json.get("worst_slice").isNull()).isTrue();
        assertThat(json.get("slices").isEmpty()).isTrue();
    }

    @Test
    void tokensCostAndSlices() {
        JsonNode json = render(sample(), 3);
        assertThat(json.get("tokens").get("input").asLong()).isEqualTo(800);
        assertThat(json.get("tokens").get("output").asLong()).isEqualTo(160);
        // 8 × $0.01, the failed call included, over 5 passing calls
        assertThat(json.get("cost_usd").get("total").asDouble()).isEqualTo(0.08);
        assertThat(json.get("cost_usd").get("per_call").asDouble()).isEqualTo(0.01);
        assertThat(json.get("cost_usd").get("per_success").asDouble()).isEqualTo(0.016);

        JsonNode slices = json.get("slices");
        // math: c1 (2 of 3) + c2 (1 of 3) = 3 of 6; hard: 1 of 3; easy: 2 of 2
        assertThat(slices.get("math").get("n").asLong()).isEqualTo(6);
        assertThat(slices.get("math").get("pass_rate").asDouble()).isEqualTo(0.5);
        assertThat(slices.get("math").get("ci95").get(0).asDouble()).isEqualTo(0.187616);
        assertThat(slices.get("math").get("ci95").get(1).asDouble()).isEqualTo(0.812384);
        assertThat(slices.get("hard").get("n").asLong()).isEqualTo(3);
        assertThat(slices.get("hard").get("pass_rate").asDouble()).isEqualTo(0.333333);
        assertThat(slices.get("hard").get("ci95").get(0).asDouble()).isEqualTo(0.0614919);
        assertThat(slices.get("hard").get("ci95").get(1).asDouble()).isEqualTo(0.79234);
        assertThat(slices.get("easy").get("pass_rate").asDouble()).isEqualTo(1.0);
        assertThat(slices.get("easy").get("ci95").get(0).asDouble()).isEqualTo(0.34238);
        assertThat(slices.get("easy").get("ci95").get(1).asDouble()).isEqualTo(1.0);
        // "hard" has the lowest rate but only 3 calls (< WORST_SLICE_MIN_N = 5); "math" has 6.
        JsonNode worst = json.get("worst_slice");
        assertThat(worst.get("name").asText()).isEqualTo("math");
        assertThat(worst.get("pass_rate").asDouble()).isEqualTo(0.5);
        assertThat(worst.get("n").asLong()).isEqualTo(6);
    }

    @Test
    void roundsToSixSignificantDigits() {
        assertThat(TargetSummaryJson.round(2.0 / 3)).isEqualTo(0.666667);
        assertThat(TargetSummaryJson.round(123456789.0)).isEqualTo(123457000.0);
        assertThat(TargetSummaryJson.round(0.000123456789)).isEqualTo(0.000123457);
        assertThat(TargetSummaryJson.round(0.1 + 0.2)).isEqualTo(0.3);
        assertThat(TargetSummaryJson.round(0)).isZero();
        assertThat(Double.toString(TargetSummaryJson.round(40.031))).isEqualTo("40.031");
    }

    @Test
    void targetsObjectKeyedById() {
        RunAggregate run = new RunAggregate();
        run.add(call("b", "c").build());
        run.add(call("a", "c").fail().build());
        ObjectNode targets = TargetSummaryJson.targets(run, 1);
        assertThat(names(targets)).containsExactly("b", "a");
        assertThat(targets.get("a").get("pass_rate").get("value").asDouble()).isZero();
        assertThat(targets.get("b").get("pass_rate").get("value").asDouble()).isEqualTo(1.0);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
