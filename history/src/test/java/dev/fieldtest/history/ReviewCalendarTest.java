package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.Property;
import dev.fieldtest.core.gate.PropertyResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Due dates and statuses worked by hand from a launch on Monday 2026-01-05. */
class ReviewCalendarTest extends OnEveryStore {
    private static final LocalDate LAUNCH = LocalDate.of(2026, 1, 5);

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void itemsCarryTheSignOffTheOfflineStatusAndTheProductionStatus() throws Exception {
        Property passRate = new Property("accurate", "targets.*.pass_rate.value", 0.9, null, "ana", List.of("week4", "quarterly"), null);
        Property fast = new Property("fast", "targets.*.latency_ms.p95", null, 200.0, "ben", List.of("week12"), null);
        LedgerFeature search = new LedgerFeature("search", LAUNCH, "ana", "suite.yaml", "capitals");
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(Fixtures.run(dir.resolve("old"), "20261101-000000-aaaa", "2026-11-01T00:00:00Z", 0.95));
            h.recordRunDirectory(Fixtures.run(dir.resolve("new"), "20261123-100000-bbbb", "2026-11-23T10:00:00Z", 0.666667));
            Ledger l = h.ledger();
            assertThat(l.putFeature(search)).isFalse();
            assertThat(l.feature("search")).contains(search);

            List<ReviewItem> items = ReviewCalendar.items(l, search, List.of(passRate, fast), d("2026-02-03"));
            assertThat(items).extracting(i -> i.property().name() + " " + i.review() + " " + i.dueOn() + " " + i.status().wire())
                    .containsExactly("accurate week4 2026-02-02 overdue", "accurate quarterly 2026-04-06 upcoming", "fast week12 2026-03-30 upcoming");
            // The latest run (pass rate 0.666667, p95 150 ms): accurate fails, fast passes.
            assertThat(items.get(0).offlineRun()).isEqualTo("20261123-100000-bbbb");
            assertThat(items.get(0).offline()).extracting(PropertyResult::status).containsExactly(PropertyResult.Status.FAIL);
            assertThat(items.get(2).offline()).extracting(PropertyResult::value).containsExactly(150.0);
            assertThat(items.get(0).production()).isNull();

            assertThat(l.sign(new ReviewSignoff("search", "accurate", "week4", d("2026-02-02"), "ana", Instant.parse("2026-02-03T09:00:00Z"), "ok"))).isTrue();
            assertThat(l.sign(new ReviewSignoff("search", "accurate", "week4", d("2026-02-02"), "bob", Instant.parse("2026-02-03T10:00:00Z"), null))).isFalse();
            ReviewItem signed = ReviewCalendar.items(l, search, List.of(passRate), d("2026-02-03")).get(0);
            assertThat(signed.status()).isEqualTo(ReviewItem.Status.SIGNED);
            assertThat(signed.signoff().signedBy()).isEqualTo("ana");
        }
        // Production in the 7 days up to 2026-02-03: m1 spans of 100 and 300 ms, 2 scored (1 passed).
        StoreSql.exec(db, LedgerProductionTest.span("a", "search", "m1", "2026-01-30 10:00:00", 100, null, null)
                + LedgerProductionTest.span("b", "search", "m1", "2026-02-03 23:00:00", 300, null, null)
                + LedgerProductionTest.span("c", "search", "m1", "2026-01-27 23:59:59", 100, null, null) // 8 days before: outside
                + "INSERT INTO production_scores (trace_id, span_id, suite, feature, model, started_at, passed, failed_checks, verdicts, scored_at) VALUES "
                + "('a', 's', 'capitals', 'search', 'm1', TIMESTAMP '2026-01-30 10:00:00', true, " + StoreSql.NO_TEXTS + ", '[]', now()),"
                + "('b', 's', 'capitals', 'search', 'm1', TIMESTAMP '2026-02-03 23:00:00', false, " + StoreSql.NO_TEXTS + ", '[]', now());");
        try (RunHistory h = RunHistory.open(db)) {
            List<ReviewItem> items = ReviewCalendar.items(h.ledger(), search, List.of(passRate, fast), d("2026-02-03"));
            assertThat(items.get(0).production()).singleElement().satisfies(r -> {
                assertThat(r.target()).isEqualTo("m1");
                assertThat(r.value()).isEqualTo(0.5);
                assertThat(r.status()).isEqualTo(PropertyResult.Status.FAIL);
            });
            // p95 of {100, 300} by nearest rank is 300 > max 200
            assertThat(items.get(2).production()).singleElement().satisfies(r -> {
                assertThat(r.value()).isCloseTo(300.0, org.assertj.core.api.Assertions.within(0.3));
                assertThat(r.status()).isEqualTo(PropertyResult.Status.FAIL);
            });
        }
    }
}
