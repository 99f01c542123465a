package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Eight calls worked through by hand: three originals, three "typos" variants, two "case" variants. */
class RobustnessTest {
    private static ScoredCall call(String caseId, String variant, String expect, Double confidence, Verdict... verdicts) {
        var o = new Observation("t", caseId, 0, List.of(Message.user("q")), "answer", null, 10, null, null, 1, 0, null, null, 0.001, null, null);
        boolean pass = List.of(verdicts).stream().allMatch(Verdict::pass);
        return new ScoredCall("r", o, List.of(verdicts), List.of(), pass, confidence, variant, expect);
    }

    private static Verdict ok() { return Verdict.pass("eq"); }

    private static Verdict bad() { return Verdict.fail("eq", "wrong"); }

    private static List<ScoredCall> calls() {
        List<ScoredCall> c = new ArrayList<>();
        c.add(call("a", null, "answer", 0.9, ok(), Verdict.pass("judge").withFindings(List.of("invented:src/Foo.java")).withCost(new Usage(100, 10), 0.002)));
        c.add(call("b", null, "answer", null, ok().withFindings(List.of("behaviour:clarify", "invented:src/Foo.java", "invented:http://x.io"))));
        c.add(call("c", null, "abstain", 0.5, bad().withFindings(List.of("behaviour:abstain")), Verdict.unmeasured("judge", "no JSON")));
        c.add(call("a~typos", "typos", null, 0.9, bad()));
        c.add(call("b~typos", "typos", null, null, ok()));
        c.add(call("c~typos", "typos", "abstain", null, ok()));
        c.add(call("a~case", "case", null, null, ok()));
        c.add(call("b~case", "case", null, null, ok()));
        return c;
    }

    @Test
    void flipRatesScoreChangesAndTheMostHarmfulVariant() {
        TargetAggregate a = new TargetAggregate("t");
        calls().forEach(a::add);
        JsonNode r = TargetSummaryJson.render(a, 1).path("robustness");
        // typos: originals a, b pass and c fails; a flips (1 of the 2 that passed). Scores 1→0, 1→1, 0→1: mean |Δ| = 2/3.
        JsonNode typos = r.path("by_variant").path("typos");
        assertThat(typos.path("n").asInt()).isEqualTo(3);
        assertThat(typos.path("pairs").asInt()).isEqualTo(3);
        assertThat(typos.path("flips").asInt()).isEqualTo(1);
        assertThat(typos.path("flip_rate").asDouble()).isEqualTo(0.5);
        assertThat(typos.path("mean_abs_score_change").asDouble()).isCloseTo(2 / 3.0, within(1e-5));
        assertThat(typos.path("pass_rate").asDouble()).isCloseTo(2 / 3.0, within(1e-5));
        assertThat(r.path("by_variant").path("case").path("flip_rate").asDouble()).isZero();
        assertThat(r.path("most_harmful").path("variant").asText()).isEqualTo("typos");
    }

    @Test
    void escalationConfidentWrongInventedReferencesUnmeasuredAndGraderCost() {
        TargetAggregate a = new TargetAggregate("t");
        calls().forEach(a::add);
        JsonNode t = TargetSummaryJson.render(a, 1);
        JsonNode r = t.path("robustness");
        // Expecting escalation: c (abstained) and c~typos (did not): 1 of 2. Expecting an answer: a (answered), b (asked back): 1 of 2.
        assertThat(r.path("escalation").path("appropriate_rate").asDouble()).isEqualTo(0.5);
        assertThat(r.path("escalation").path("n_expecting_escalation").asInt()).isEqualTo(2);
        assertThat(r.path("escalation").path("over_rate").asDouble()).isEqualTo(0.5);
        // Failed with confidence >= 0.8: a~typos only (c failed at 0.5), of 8 calls.
        assertThat(r.path("confident_wrong").path("rate").asDouble()).isEqualTo(0.125);
        // Three invented items over 8 calls, in 2 calls.
        assertThat(r.path("invented_references").path("per_100_calls").asDouble()).isEqualTo(37.5);
        assertThat(r.path("invented_references").path("calls_with_any").asInt()).isEqualTo(2);
        assertThat(r.path("invented_references").path("items").toString()).isEqualTo("{\"src/Foo.java\":2,\"http://x.io\":1}");
        assertThat(r.path("unmeasured").path("by_check").path("judge").asInt()).isEqualTo(1);
        // The judge's own call: 100 + 10 tokens and $0.002, on top of 8 calls at $0.001.
        assertThat(r.path("graders").path("cost_usd").asDouble()).isEqualTo(0.002);
        assertThat(t.path("tokens").path("input").asInt()).isEqualTo(100);
        assertThat(t.path("cost_usd").path("total").asDouble()).isCloseTo(0.010, within(1e-12));
    }

    @Test
    void theConfidentWrongThresholdIsTheSuitesChoice() {
        TargetAggregate a = new TargetAggregate("t");
        calls().forEach(a::add);
        // From 0.5, c (failed at 0.5) counts too: 2 of 8 calls.
        JsonNode cw = TargetSummaryJson.render(a, 1, 0.5).path("robustness").path("confident_wrong");
        assertThat(cw.path("count").asInt()).isEqualTo(2);
        assertThat(cw.path("rate").asDouble()).isEqualTo(0.25);
        assertThat(cw.path("threshold").asDouble()).isEqualTo(0.5);
    }

    @Test
    void mergingSplitsGivesTheSameRobustness() {
        List<ScoredCall> all = calls();
        TargetAggregate whole = new TargetAggregate("t");
        all.forEach(whole::add);
        TargetAggregate left = new TargetAggregate("t");
        TargetAggregate right = new TargetAggregate("t");
        for (int i = 0; i < all.size(); i++) (i % 2 == 0 ? left : right).add(all.get(i));
        right.merge(left);
        assertThat(TargetSummaryJson.render(right, 1).toString()).isEqualTo(TargetSummaryJson.render(whole, 1).toString());
    }

    @Test
    void judgeAgreementOfAPanelIsKrippendorffsIntervalAlphaOverTheCalls() {
        // Two judges on three calls, scores (0, 0), (0.5, 1), (1, 1). Interval alpha by hand: values pooled
        // 0,0,.5,1,1,1 (n = 6); D_o = Σ within-unit squared differences·2/(n) = 2·(0.25)/6 = 1/12;
        // D_e = Σ over all ordered pairs of distinct values (v−v')² / (n(n−1)) = 2·(2·0.25·... ) — computed as
        // mean over all 30 ordered pairs of (v−v')²: pairs 0–.5: 2·1·2=4 ×0.25=1; 0–1: 2·3·2=12 ×1=12; .5–1: 1·3·2=6 ×0.25=1.5 → 14.5/30.
        // alpha = 1 − D_o/D_e = 1 − (1/12)/(14.5/30) = 1 − 0.172414 = 0.827586.
        TargetAggregate a = new TargetAggregate("t");
        String[][] panel = {{"j1=0", "j2=0"}, {"j1=0.5", "j2=1"}, {"j1=1", "j2=1"}};
        for (int i = 0; i < 3; i++) {
            a.add(call("p" + i, null, null, null, Verdict.pass("panel").withFindings(List.of("judge:" + panel[i][0], "judge:" + panel[i][1]))));
        }
        JsonNode agreement = TargetSummaryJson.render(a, 1).path("robustness").path("judge_agreement").path("panel");
        assertThat(agreement.path("n_items").asInt()).isEqualTo(3);
        assertThat(agreement.path("judges").toString()).isEqualTo("[\"j1\",\"j2\"]");
        assertThat(agreement.path("krippendorff_alpha_interval").asDouble()).isCloseTo(0.827586, within(1e-5));
    }
}
