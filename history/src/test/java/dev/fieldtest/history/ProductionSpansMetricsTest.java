package dev.fieldtest.history;

import static dev.fieldtest.history.ProductionSpansTest.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics and change points over production spans, and a span as an observation, against hand-worked numbers (no store). */
class ProductionSpansMetricsTest {
    /**
     * Ten successful calls of 100, 200, ..., 1000 ms and two errors (429, 500) in one day. Nearest rank: p50 is the 5th
     * value, 500 ms = 500000 µs, in HdrHistogram's (3 digits) bucket of width 256 µs [499968, 500223] → 500.223 ms; p95
     * and p99 are the 10th, 1000000 µs, in the 512-wide bucket [999936, 1000447] → 1000.447 ms. TTFT 100, 150, 200, 250:
     * p50 is the 2nd, 150000 µs in [149888, 150015] (width 128) → 150.015; p95 the 4th, 250000 in [249984, 250111] → 250.111.
     */
    @Test
    void metricsPerFeatureModelAndDayMatchHandWorkedPercentiles() {
        List<ProductionSpan> spans = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Double ttft = i <= 4 ? 50.0 + 50 * i : null;
            spans.add(span(String.format("%016x", i), "support", "gpt-4o", "gpt-4o", null, "2026-11-23T0" + (i % 10) + ":00:00Z", 100.0 * i, ttft, null, i <= 5 ? 0.002 : null));
        }
        spans.add(span("00000000000000b1", "support", "gpt-4o", "gpt-4o", null, "2026-11-23T12:00:00Z", 5.0, null, "429", null));
        spans.add(span("00000000000000b2", "support", "gpt-4o", "gpt-4o", null, "2026-11-23T13:00:00Z", 7.0, null, "500", null));
        spans.add(span("00000000000000c1", "support", "gpt-4o", "gpt-4o", null, "2026-11-24T13:00:00Z", 300.0, null, null, null));

        var report = ProductionSpansMetrics.compute(spans, ProductionSpansMetrics.Window.DAY);
        assertThat(report.rows()).hasSize(2);
        var day = report.rows().get(0);
        assertThat(day.window()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(day.calls()).isEqualTo(12);
        assertThat(day.errors()).isEqualTo(2);
        assertThat(day.throttled()).isEqualTo(1);
        assertThat(day.errorRate()).isCloseTo(2 / 12.0, within(1e-12));
        assertThat(day.throttleRate()).isCloseTo(1 / 12.0, within(1e-12));
        assertThat(day.latencyN()).isEqualTo(10);
        assertThat(day.latencyP50()).isEqualTo(500.223);
        assertThat(day.latencyP95()).isEqualTo(1000.447);
        assertThat(day.latencyP99()).isEqualTo(1000.447);
        assertThat(day.ttftN()).isEqualTo(4);
        assertThat(day.ttftP50()).isEqualTo(150.015);
        assertThat(day.ttftP95()).isEqualTo(250.111);
        assertThat(day.inputTokens()).isEqualTo(1200);
        assertThat(day.outputTokens()).isEqualTo(240);
        assertThat(day.pricedCalls()).isEqualTo(5);
        assertThat(day.costUsd()).isCloseTo(0.010, within(1e-12));
        assertThat(day.costPerCall()).isCloseTo(0.002, within(1e-12));

        var week = ProductionSpansMetrics.compute(spans, ProductionSpansMetrics.Window.WEEK).rows();
        assertThat(week).hasSize(1); // 2026-11-23 is a Monday: both days fall in its ISO week
        assertThat(week.get(0).window()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(week.get(0).calls()).isEqualTo(13);
    }

    @Test
    void aSilentModelChangeIsFoundAtTheFirstSpanOfTheNewModelAndFingerprint() {
        List<ProductionSpan> spans = List.of(
                span("0000000000000001", "support", "gpt-4o", "gpt-4o-2024-08-06", "fp_a", "2026-11-02T09:00:00Z", 100.0, null, null, null),
                span("0000000000000002", "support", "gpt-4o", "gpt-4o-2024-08-06", "fp_a", "2026-11-05T09:00:00Z", 100.0, null, null, null),
                span("0000000000000003", "support", "gpt-4o", "gpt-4o-2024-08-06", "fp_b", "2026-11-10T09:00:00Z", 100.0, null, null, null),
                span("0000000000000004", "support", "gpt-4o", "gpt-4o-2024-11-20", "fp_c", "2026-11-17T09:30:00Z", 100.0, null, null, null),
                span("0000000000000005", "support", "gpt-4o", "gpt-4o-2024-08-06", "fp_b", "2026-11-18T09:00:00Z", 100.0, null, null, null),
                span("0000000000000006", "billing", "gpt-4o", "gpt-4o-mini", null, "2026-11-03T09:00:00Z", 100.0, null, null, null));
        var changes = ProductionSpansMetrics.compute(spans, ProductionSpansMetrics.Window.WEEK).changes();
        assertThat(changes).extracting(c -> c.feature() + " " + c.kind() + " " + c.from() + "->" + c.to() + " " + c.window() + " " + c.spanId())
                .containsExactly(
                        "billing response_model gpt-4o->gpt-4o-mini 2026-11-02 0000000000000006",
                        "support system_fingerprint fp_a->fp_b 2026-11-09 0000000000000003",
                        "support response_model gpt-4o-2024-08-06->gpt-4o-2024-11-20 2026-11-16 0000000000000004");
        // Later, the same two backends alternating is nothing new. fp_c belongs to another response model (no earlier print).
    }

    @Test
    void aSpanBecomesAnObservationWithItsMessages() {
        Observation o = ProductionSpansObservations.of(span("00000000000000a1", "support", "gpt-4o", "gpt-4o-2024-08-06", null, "2026-11-23T10:00:00Z", 812.5, 95.25, null, 0.0012));
        assertThat(o.targetId()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(o.caseId()).isEqualTo("0af7651916cd43dd8448eb211c80319c/00000000000000a1");
        assertThat(o.input()).extracting(m -> m.role() + ":" + m.content()).containsExactly("user:hi 00000000000000a1");
        assertThat(o.output()).isEqualTo("hello");
        assertThat(o.latencyMs()).isEqualTo(812.5);
        assertThat(o.usage().inputTokens()).isEqualTo(100);
        assertThat(o.finishReason()).isEqualTo("stop");
        Observation failed = ProductionSpansObservations.of(span("00000000000000a2", "support", "gpt-4o", null, null, "2026-11-23T10:00:00Z", 5.0, null, "429", null));
        assertThat(failed.error()).isEqualTo(ErrorClass.THROTTLED);
        assertThat(failed.throttled()).isEqualTo(1);
    }
}
