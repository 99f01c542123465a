package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
    private static final String SUMMARY = """
            {"run_id": "r1", "status": "complete", "notice": "data, not verdicts", "wall_ms": 1500,
             "planned_calls": 6, "completed_calls": 6, "repeat": 3,
             "provenance": {"suite": {"name": "caps <b>", "sha256": "0123456789abcdef"}},
             "targets": {"gpt": {"calls": 6, "errors": 1, "throttled": 2,
                 "pass_rate": {"value": 0.5, "ci95": [0.1876, 0.8124]},
                 "pass_at_k": {"1": 0.5, "3": 1.0}, "pass_all_k": {"1": 0.5, "3": 0.0},
                 "latency_ms": {"p50": 120.4, "p95": 480.0}, "cost_usd": {"per_success": 0.000125},
                 "worst_slice": {"name": "typo", "pass_rate": 0.25, "n": 4}}}}
            """;

    @Test
    void oneRowPerTargetWithIntervalsAndTheFirstFailuresEscaped() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(SUMMARY);
        var wrong = new Observation("gpt", "c<1>", 1, List.of(Message.user("q")), "<script>x</script>", null, 1, null, null, 1, 0, null, null, 0, null, null);
        var throttled = new Observation("gpt", "c2", 0, List.of(), null, null, 1, null, null, 4, 4, ErrorClass.THROTTLED, "HTTP 429 | slow down", 0, null, null);
        String md = new MarkdownReporter().render(summary, List.of(
                new ScoredCall("r1", wrong, List.of(new Verdict("contains", false, "does not contain \"<b>Paris</b>\"")), List.of(), false, null),
                new ScoredCall("r1", throttled, List.of(), List.of(), false, null)));
        assertThat(md).startsWith("# fieldtest: caps &lt;b&gt;\n")
                .contains("| gpt | 6 | 50.0% (18.8%–81.2%) | 100.0% | 0.0% | 120 / 480 ms | $0.000125 | 1 | 2 | typo 25.0% (n=4) |")
                .contains("- `c&lt;1&gt;` #1: contains: does not contain \"&lt;b&gt;Paris&lt;/b&gt;\"")
                .contains("- `c2` #0: throttled — HTTP 429 \\| slow down")
                .doesNotContain("<script>", "<b>");
    }
}
