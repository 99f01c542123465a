package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Storing production spans idempotently and reading them back whole (the metrics over them: ProductionSpansMetricsTest). */
class ProductionSpansTest extends OnEveryStore {
    static ProductionSpan span(String spanId, String feature, String reqModel, String respModel, String fingerprint, String at,
                               Double durationMs, Double ttftMs, String error, Double cost) {
        return new ProductionSpan("0af7651916cd43dd8448eb211c80319c", spanId, feature, "chat", "openai", reqModel, respModel, fingerprint,
                "api.example.com", Instant.parse(at), durationMs, ttftMs, 100L, 20L, List.of("stop", "length"), error,
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi " + spanId + "\"}]}]",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"hello\"}]}]", cost, "{\"k\":1}");
    }

    @Test
    void aBatchSentTwiceAddsNothingAndRowsComeBackWhole() {
        List<ProductionSpan> batch = List.of(span("00000000000000a1", "support", "gpt-4o", "gpt-4o-2024-08-06", "fp_a", "2026-11-23T10:00:00.123456Z", 812.5, 95.25, null, 0.0012),
                span("00000000000000a2", "support", "gpt-4o", null, null, "2026-11-23T11:00:00Z", null, null, "429", null),
                span("00000000000000a2", "support", "gpt-4o", null, null, "2026-11-23T11:00:00Z", null, null, "429", null));
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.production().add(batch)).isEqualTo(new ProductionSpansAdded(2, 1));
            assertThat(h.production().add(batch)).isEqualTo(new ProductionSpansAdded(0, 3));
            assertThat(h.production().count()).isEqualTo(2);
            List<ProductionSpan> back = h.production().spans(null, null, null);
            assertThat(back.get(0)).isEqualTo(batch.get(0));
            assertThat(back.get(1).finishReasons()).containsExactly("stop", "length");
            assertThat(back.get(1).durationMs()).isNull();
            assertThat(h.production().spans("support", Instant.parse("2026-11-23T10:30:00Z"), null)).hasSize(1);
            assertThat(h.production().spans("billing", null, null)).isEmpty();
            assertThat(h.production().features()).containsExactly("support");
        }
    }
}
