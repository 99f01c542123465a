package dev.fieldtest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Property;
import dev.fieldtest.core.gate.PropertyResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties judged against a summary written by hand, so every expected status is read off the JSON below. */
class PropertyGateTest {
    private static final String SUMMARY = """
            {"wall_ms": 1200,
             "targets": {
               "small": {"calls": 10, "pass_rate": {"value": 0.8, "ci95": [0.49, 0.94]}, "latency_ms": {"p95": 250.0},
                         "robustness": {"most_harmful": {"variant": "typo", "flip_rate": 0.25}}},
               "gpt-4.1": {"calls": 10, "pass_rate": {"value": null, "ci95": null}, "latency_ms": {"p95": 250.001}}},
             "comparisons": {"small_vs_gpt-4.1": {"a_win_rate": 0.6}}}
            """;

    private static Property prop(String name, String metric, Double min, Double max) {
        return new Property(name, metric, min, max, "Ana", List.of("week4"), Location.of(null));
    }

    private static List<String> rows(List<Property> properties, String summary) throws Exception {
        JsonNode s = new ObjectMapper().readTree(summary);
        return PropertyGate.evaluate(properties, s).stream()
                .map(r -> r.name() + " " + r.metric() + " " + r.target() + " " + r.value() + " " + r.status().wire() + " " + r.reason()).toList();
    }

    @Test
    void wildcardsExpandPerTargetAndBoundsAreInclusive() throws Exception {
        assertThat(rows(List.of(
                prop("accurate", "targets.*.pass_rate.value", 0.8, null),
                prop("fast", "targets.*.latency_ms.p95", null, 250.0),
                prop("robust", "targets.small.robustness.most_harmful.flip_rate", null, 0.2),
                prop("lower bound", "targets.*.pass_rate.ci95.0", 0.5, 1.0),
                prop("wins", "comparisons.*.a_win_rate", 0.5, null),
                prop("quick", "wall_ms", 0.0, 1000.0)), SUMMARY)).containsExactly(
                "accurate targets.small.pass_rate.value small 0.8 pass null", // value == min passes
                "accurate targets.gpt-4.1.pass_rate.value gpt-4.1 null missing targets.gpt-4.1.pass_rate.value is null: it could not be"
                        + " computed in this run (see docs/summary-json.md)",
                "fast targets.small.latency_ms.p95 small 250.0 pass null", // value == max passes
                "fast targets.gpt-4.1.latency_ms.p95 gpt-4.1 250.001 fail 250.001 is above max 250",
                "robust targets.small.robustness.most_harmful.flip_rate small 0.25 fail 0.25 is above max 0.2",
                "lower bound targets.small.pass_rate.ci95.0 small 0.49 fail 0.49 is below min 0.5",
                "lower bound targets.gpt-4.1.pass_rate.ci95.0 gpt-4.1 null missing targets.gpt-4.1.pass_rate.ci95 is null",
                "wins comparisons.small_vs_gpt-4.1.a_win_rate null 0.6 pass null",
                "quick wall_ms null 1200.0 fail 1200 is above max 1000");
    }

    @Test
    void absentPathsObjectsAndEmptyWildcardsAreMissingWithAReason() throws Exception {
        assertThat(rows(List.of(
                prop("streams", "targets.*.ttft_ms.p95", null, 500.0),
                prop("shape", "targets.small.pass_rate", 0.5, null)), SUMMARY)).containsExactly(
                "streams targets.small.ttft_ms.p95 small null missing targets.small has no key \"ttft_ms\"",
                "streams targets.gpt-4.1.ttft_ms.p95 gpt-4.1 null missing targets.gpt-4.1 has no key \"ttft_ms\"",
                "shape targets.small.pass_rate small null missing targets.small.pass_rate is an object with keys value, ci95, not a number");
        assertThat(rows(List.of(prop("calls", "targets.*.calls", 1.0, null)), "{\"targets\": {}}")).containsExactly(
                "calls targets.*.calls null null missing targets has no keys for * to match");
    }

    @Test
    void theJsonElementCarriesEveryDocumentedField() throws Exception {
        JsonNode s = new ObjectMapper().readTree(SUMMARY);
        JsonNode json = PropertyGate.toJson(PropertyGate.evaluate(List.of(prop("fast", "targets.gpt-4.1.latency_ms.p95", 10.0, 250.0)), s));
        assertThat(json.toString()).isEqualTo("[{\"name\":\"fast\",\"metric\":\"targets.gpt-4.1.latency_ms.p95\",\"target\":\"gpt-4.1\","
                + "\"value\":250.001,\"min\":10.0,\"max\":250.0,\"status\":\"fail\",\"owner\":\"Ana\",\"review\":[\"week4\"],"
                + "\"reason\":\"250.001 is above max 250\"}]");
        ((com.fasterxml.jackson.databind.node.ObjectNode) s).set("properties", json);
        assertThat(PropertyGate.notPassing(s)).hasSize(1);
        assertThat(Status.MISSING.wire()).isEqualTo("missing");
    }

    @Test
    void numbersAreWrittenAsPeopleWriteThem() {
        assertThat(PropertyResult.format(0.8)).isEqualTo("0.8");
        assertThat(PropertyResult.format(250.0)).isEqualTo("250");
        assertThat(PropertyResult.format(0)).isEqualTo("0");
        assertThat(PropertyResult.format(1.5e-5)).isEqualTo("0.000015");
    }
}
