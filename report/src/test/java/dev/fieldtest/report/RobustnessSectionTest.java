package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RobustnessSectionTest {
    @Test
    void aTablePerVariantAndOneLinePerTargetOfWhatWentWrong() throws Exception {
        var targets = new ObjectMapper().readTree("""
                {"a": {"robustness": {"by_variant": {"typos": {"pass_rate": 0.5, "flip_rate": 0.25}},
                        "escalation": {"n_expecting_escalation": 4, "appropriate_rate": 0.75, "n_expecting_answer": 0},
                        "confident_wrong": {"count": 2, "rate": 0.1},
                        "invented_references": {"items_total": 3, "per_100_calls": 15.0, "items": {"<src/Foo.java>": 2}},
                        "unmeasured": {"total": 1}}},
                 "b": {"robustness": {"by_variant": {"typos": {"pass_rate": 1.0, "flip_rate": 0.0}},
                        "escalation": {}, "confident_wrong": {"count": 0}, "invented_references": {"items_total": 0}, "unmeasured": {"total": 0}}}}
                """);
        String md = RobustnessSection.render(targets);
        assertThat(md).contains("| variant | a | b |", "| typos | 50.0% (flip 25.0%) | 100.0% (flip 0.0%) |")
                .contains("- **a**: escalates when it should 75.0% (n=4); confidently wrong 10.0% of calls; "
                        + "invented references 15.0 per 100 calls (e.g. `&lt;src/Foo.java&gt;`); 1 verdicts unmeasured\n")
                .doesNotContain("- **b**");
    }

    @Test
    void nothingMeasuredWritesNothing() throws Exception {
        assertThat(RobustnessSection.render(new ObjectMapper().readTree("{\"a\": {}}"))).isEmpty();
    }
}
