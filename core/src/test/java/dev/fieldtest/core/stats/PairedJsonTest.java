package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ScoredCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedJsonTest {
    @Test
    void everyPairOfTargetsInSuiteOrderWithEveryField() {
        List<ScoredCall> rows = new ArrayList<>();
        for (String c : List.of("c1", "c2", "c3")) {
            rows.add(Calls.call("big", c).build());
            rows.add(Calls.call("small", c).pass(!c.equals("c3")).build());
            rows.add(Calls.call("tiny", c).fail().build());
        }
        rows.add(Calls.call("other", "c1").build()); // a target the suite does not list is left out
        ObjectNode paired = PairedJson.section(List.of("small", "big", "tiny"), rows);
        assertThat(names(paired)).containsExactly("small_vs_big", "small_vs_tiny", "big_vs_tiny");
        ObjectNode sb = (ObjectNode) paired.get("small_vs_big");
        assertThat(names(sb)).containsExactly("target_a", "target_b", "n", "cases", "pass_rate_a", "pass_rate_b",
                "difference", "ci95", "a_only", "b_only", "mcnemar_p", "verdict", "detectable_n_5pts");
        assertThat(sb.get("target_a").asText()).isEqualTo("small");
        assertThat(sb.get("n").asInt()).isEqualTo(3);
        assertThat(sb.get("cases").asInt()).isEqualTo(3);
        assertThat(sb.get("pass_rate_a").asDouble()).isEqualTo(0.666667); // 2/3 to 6 significant digits
        assertThat(sb.get("pass_rate_b").asDouble()).isEqualTo(1.0);
        assertThat(sb.get("difference").asDouble()).isEqualTo(0.333333);
        assertThat(sb.get("a_only").asInt()).isZero();
        assertThat(sb.get("b_only").asInt()).isEqualTo(1);
        assertThat(sb.get("mcnemar_p").asDouble()).isEqualTo(1.0); // 2·P(X ≤ 0), X ~ Bin(1, ½) = 1
        // ψ = 1/3 → Connor: (1.959964·0.577350 + 0.841621·0.575181)² / 0.0025 = 1044.16 → 1045
        assertThat(sb.get("detectable_n_5pts").asLong()).isEqualTo(1045);
        assertThat(sb.get("verdict").asText()).isEqualTo("no detectable difference with n = 3; about 1045 pairs would detect 5 points");
        assertThat(sb.get("ci95").size()).isEqualTo(2);
    }

    @Test
    void oneTargetHasNoSection() {
        assertThat(PairedJson.section(List.of("only"), List.of(Calls.call("only", "c").build()))).isNull();
    }

    @Test
    void noPairsRendersNulls() {
        ObjectNode p = PairedJson.section(List.of("a", "b"), List.of(Calls.call("a", "c").build()));
        ObjectNode ab = (ObjectNode) p.get("a_vs_b");
        assertThat(ab.get("n").asInt()).isZero();
        assertThat(ab.get("pass_rate_a").isNull()).isTrue();
        assertThat(ab.get("ci95").isNull()).isTrue();
        assertThat(ab.get("detectable_n_5pts").isNull()).isTrue();
        assertThat(ab.get("verdict").asText()).isEqualTo("no paired calls");
    }

    private static List<String> names(ObjectNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
