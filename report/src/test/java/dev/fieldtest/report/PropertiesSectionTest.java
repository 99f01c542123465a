package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PropertiesSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode property(String name, String status, Double value, Double min, Double max) {
        ObjectNode p = JSON.createObjectNode().put("name", name).put("metric", "targets.m.x").put("target", "m")
                .put("value", value).put("min", min).put("max", max).put("status", status).put("owner", "Ana | QA")
                .put("reason", value == null ? "targets.m has no key \"x\"" : null);
        p.putArray("review").add("week12");
        return p;
    }

    @Test
    void failingRowsComeFirstWithValueBoundAndOwnerEscaped() {
        ObjectNode s = JSON.createObjectNode();
        ArrayNode a = s.putArray("properties");
        a.add(property("accurate", "pass", 0.8, 0.8, null));
        a.add(property("fast <b>", "fail", 312.5, null, 250.0));
        a.add(property("streams", "missing", null, 0.0, 500.0));
        String md = PropertiesSection.render(s);
        assertThat(md).isEqualTo("""

                ## Properties

                2 of 3 failed or missing: the run exits with code 1.

                | status | property | target | value | bound | owner |
                |---|---|---|---|---|---|
                | **fail** | fast &lt;b&gt; | m | 312.5 | ≤ 250 | Ana \\| QA |
                | **missing** | streams | m | – (targets.m has no key "x") | 0 – 500 | Ana \\| QA |
                | pass | accurate | m | 0.8 | ≥ 0.8 | Ana \\| QA |
                """);
    }

    @Test
    void longListsAreCutSoTheReportFitsAComment() {
        ObjectNode s = JSON.createObjectNode();
        ArrayNode a = s.putArray("properties");
        for (int i = 0; i < 25; i++) a.add(property("p" + i, "pass", 1.0, 0.5, null));
        String md = PropertiesSection.render(s);
        assertThat(md).contains("All 25 hold.", "| pass | p19 |", "…and 5 more (all passing)").doesNotContain("| p20 |");
        assertThat(PropertiesSection.render(JSON.createObjectNode())).isEmpty();
    }
}
