package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Production values from rows inserted by hand, read back through the ledger. */
class LedgerProductionTest extends OnEveryStore {
    static String span(String id, String feature, String model, String at, double ms, String error, Double cost) {
        return ("INSERT INTO production_spans (trace_id, span_id, feature, request_model, started_at, duration_ms, error_type, cost_usd, attributes, ingested_at) "
                + "VALUES ('%s', 's', '%s', '%s', TIMESTAMP '%s', %s, %s, %s, '{}', now());")
                .formatted(id, feature, model, at, ms, error == null ? "NULL" : "'" + error + "'", cost == null ? "NULL" : cost);
    }

    @Test
    void latencyPercentilesComeFromAnHdrHistogramOfTheSpansThatSucceededPerIsoWeek() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.ledger(); // creates the schema
        }
        StoreSql.exec(db, String.join("",
                span("a", "search", "m1", "2026-11-16 00:00:00", 100, null, 0.001),
                span("b", "search", "m1", "2026-11-17 10:00:00", 200, null, 0.003),
                span("c", "search", "m1", "2026-11-18 10:00:00", 300, null, null),
                span("d", "search", "m1", "2026-11-22 23:59:59", 400, null, null),
                span("e", "search", "m1", "2026-11-19 10:00:00", 5000, "timeout", null),
                span("f", "search", "m1", "2026-11-23 00:00:00", 50, null, null),  // the next week
                span("g", "search", "m2", "2026-11-17 00:00:00", 9000, null, null),
                span("h", "chat", "m1", "2026-11-17 00:00:00", 9000, null, null)));
        try (RunHistory h = RunHistory.open(db)) {
            List<LedgerRows.Span> spans = h.ledger().spans("search");
            assertThat(spans).hasSize(7);
            // Week of 2026-11-16, successes 100, 200, 300, 400 ms: nearest rank p95 = 400, p50 = 200 (HdrHistogram: within 0.1 %)
            List<LedgerWindow> p95 = LedgerProduction.weekly("latency_ms.p95", "m1", spans, List.of());
            assertThat(p95).extracting(LedgerWindow::weekOf).containsExactly(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23));
            assertThat(p95.get(0).n()).isEqualTo(4);
            assertThat(p95.get(0).value()).isEqualTo(400, within(0.4));
            assertThat(p95.get(0).lo()).isNull();
            assertThat(LedgerProduction.weekly("latency_ms.p50", "m1", spans, List.of()).get(0).value()).isEqualTo(200, within(0.2));
            assertThat(p95.get(1).value()).isEqualTo(50, within(0.05));
            // error rate 1 of 5 spans: Wilson 95 % (0.0362, 0.6245) by hand
            LedgerWindow errors = LedgerProduction.weekly("error_rate", "m1", spans, List.of()).get(0);
            assertThat(errors.value()).isEqualTo(0.2);
            assertThat(errors.lo()).isEqualTo(0.0362, within(1e-4));
            assertThat(errors.hi()).isEqualTo(0.6245, within(1e-4));
            // mean cost of the spans that have one: (0.001 + 0.003) / 2
            assertThat(LedgerProduction.weekly("cost_usd.per_call", "m1", spans, List.of()).get(0).value()).isEqualTo(0.002, within(1e-12));
        }
    }

    @Test
    void theHistoryReadsOnlyTheRowsOfTheClaimsModelByTheSameRule() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.ledger();
        }
        StoreSql.exec(db, String.join("",
                span("a", "search", "gpt-4o", "2026-11-16 00:00:00", 100, null, null),
                span("b", "search", "GPT-4o-2024-08-06", "2026-11-16 00:00:00", 100, null, null),
                span("c", "search", "gpt-4o-mini", "2026-11-16 00:00:00", 100, null, null),
                span("d", "search", "gpt-4.1", "2026-11-16 00:00:00", 100, null, null),
                span("e", "search", "gpt-4x1", "2026-11-16 00:00:00", 100, null, null),
                span("f", "chat", "gpt-4o", "2026-11-16 00:00:00", 100, null, null)));
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.ledger().spans("search", "gpt-4o")).extracting(LedgerRows.Span::model).containsExactly("gpt-4o", "GPT-4o-2024-08-06");
            assertThat(h.ledger().spans(null, "GPT-4O")).hasSize(3);
            assertThat(h.ledger().spans("search", "gpt-4.1")).extracting(LedgerRows.Span::model).containsExactly("gpt-4.1");
            assertThat(h.ledger().spans("search", null)).hasSize(5);
        }
    }
}
