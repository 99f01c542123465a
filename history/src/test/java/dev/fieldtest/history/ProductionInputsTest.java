package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ProductionInputs reads production_spans by feature and a [since, until) window, oldest first. */
class ProductionInputsTest extends OnEveryStore {
    @Test
    void filtersByFeatureAndAHalfOpenWindow() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            // migrate only
        }
        StoreSql.exec(db, "INSERT INTO production_spans (trace_id, span_id, feature, started_at, input_messages, attributes, ingested_at) VALUES"
                + " ('b', '1', 'support', TIMESTAMP '2026-03-02 00:00:00', '[]', '{}', now()),"
                + " ('a', '1', 'support', TIMESTAMP '2026-03-01 00:00:00', NULL, '{}', now()),"
                + " ('c', '1', 'support', TIMESTAMP '2026-03-03 00:00:00', '[]', '{}', now()),"
                + " ('d', '1', 'billing', TIMESTAMP '2026-03-02 12:00:00', '[]', '{}', now())");
        try (RunHistory h = RunHistory.open(db)) {
            ProductionInputs p = h.productionInputs();
            assertThat(p.read(null, null, null)).extracting(ProductionInput::traceId).containsExactly("a", "b", "d", "c");
            assertThat(p.read("support", Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z")))
                    .extracting(ProductionInput::traceId).containsExactly("a", "b");
            ProductionInput a = p.read("support", null, Instant.parse("2026-03-02T00:00:00Z")).get(0);
            assertThat(a).isEqualTo(new ProductionInput("a", "1", "support", Instant.parse("2026-03-01T00:00:00Z"), null));
            assertThat(p.features()).containsExactly("billing", "support");
        }
    }
}
