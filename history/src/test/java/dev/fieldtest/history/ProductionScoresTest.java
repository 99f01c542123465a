package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.online.OnlineSpan;
import dev.fieldtest.history.ProductionScoresWindow.Period;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** production_scores: unscored spans, idempotent storing, pass rates per window against hand-worked Wilson intervals. */
class ProductionScoresTest extends OnEveryStore {
    private HistoryStore db() {
        RunHistory.open(db).close(); // migrate, then write spans with plain SQL
        return db;
    }

    @Test
    void unscoredSpansAreThoseTheSuiteHasNotScoredFilteredAndOldestFirst() throws Exception {
        HistoryStore db = db();
        ProductionScoresSpans.insert(db, "b1", "01", "checkout", "m1", "2026-11-23 12:00:00", null, null, "[]");
        ProductionScoresSpans.insert(db, "a1", "01", "checkout", "m1", "2026-11-23 10:00:00", null,
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}]", "[]");
        ProductionScoresSpans.insert(db, "c1", "01", "search", "m1", "2026-11-24 09:00:00", "timeout", null, null);
        try (RunHistory h = RunHistory.open(db)) {
            ProductionScores s = h.productionScores();
            assertThat(s.unscored("suite", null, null, null)).extracting(ProductionScoresCandidate::traceId).containsExactly("a1", "b1", "c1");
            assertThat(s.unscored("suite", "checkout", null, null)).extracting(ProductionScoresCandidate::traceId).containsExactly("a1", "b1");
            assertThat(s.unscored("suite", null, Instant.parse("2026-11-23T11:00:00Z"), Instant.parse("2026-11-24T09:00:00Z")))
                    .extracting(ProductionScoresCandidate::traceId).containsExactly("b1");

            assertThat(s.store(entry("a1", "suite", "checkout", "m1", "2026-11-23T10:00:00Z", true, List.of(), 0))).isTrue();
            assertThat(s.unscored("suite", null, null, null)).extracting(ProductionScoresCandidate::traceId).containsExactly("b1", "c1");
            assertThat(s.unscored("other-suite", null, null, null)).hasSize(3);

            OnlineSpan a1 = s.span("a1", "01").orElseThrow();
            assertThat(a1.startedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
            assertThat(a1.model()).isEqualTo("m1");
            assertThat(a1.finishReasons()).containsExactly("stop");
            assertThat(a1.inputTokens()).isEqualTo(12L);
            assertThat(s.span("c1", "01").orElseThrow().errorType()).isEqualTo("timeout");
            assertThat(s.span("zz", "01")).isEmpty();
        }
    }

    @Test
    void storingTheSameSpanForTheSameSuiteTwiceKeepsTheFirstRow() throws Exception {
        try (RunHistory h = RunHistory.open(db())) {
            ProductionScores s = h.productionScores();
            assertThat(s.store(entry("a1", "suite", "f", "m", "2026-11-23T10:00:00Z", true, List.of(), 0.5))).isTrue();
            assertThat(s.store(entry("a1", "suite", "f", "m", "2026-11-23T10:00:00Z", false, List.of("x"), 0.5))).isFalse();
            assertThat(s.store(entry("a1", "suite2", "f", "m", "2026-11-23T10:00:00Z", false, List.of("x"), 0.5))).isTrue();
            assertThat(s.count("suite")).isEqualTo(1);
            assertThat(s.passRates("suite", Period.DAY, null, null, null).get(0).passed()).isEqualTo(1);
        }
    }

    @Test
    void aBatchIsStoredInOneTransactionAndKeepsRowsAlreadyStored() throws Exception {
        HistoryStore db = db();
        ProductionScoresSpans.insert(db, "a1", "01", "f", "m", "2026-11-23 10:00:00", null, null, "[]");
        ProductionScoresSpans.insert(db, "b1", "01", "f", "m", "2026-11-23 11:00:00", null, null, "[]");
        try (RunHistory h = RunHistory.open(db)) {
            ProductionScores s = h.productionScores();
            assertThat(s.store(entry("a1", "suite", "f", "m", "2026-11-23T10:00:00Z", true, List.of(), 0))).isTrue();
            int added = s.storeAll(List.of(entry("a1", "suite", "f", "m", "2026-11-23T10:00:00Z", false, List.of("x"), 0),
                    entry("b1", "suite", "f", "m", "2026-11-23T11:00:00.123456Z", false, List.of("x", "y"), 0.25),
                    entry("c1", "suite", "f", "m", "2026-11-23T12:00:00Z", true, List.of(), 0)));
            assertThat(added).isEqualTo(2);
            ProductionScoresWindow day = s.passRates("suite", Period.DAY, null, null, null).get(0);
            assertThat(day.passed() + "/" + day.n()).isEqualTo("2/3"); // a1 kept its first (passing) row
            assertThat(day.failingChecks()).isEqualTo(Map.of("x", 1L, "y", 1L));
            assertThat(day.graderCostUsd()).isEqualTo(0.25);
            assertThat(s.storeAll(List.of())).isZero();
            // spans are read in the order asked, unknown keys left out
            assertThat(s.spans(List.of(new ProductionScoresCandidate("b1", "01", "f"), new ProductionScoresCandidate("zz", "01", "f"),
                    new ProductionScoresCandidate("a1", "01", "f")))).extracting(OnlineSpan::traceId).containsExactly("b1", "a1");
        }
    }

    @Test
    void passRatesPerFeatureModelAndDayOrWeekWithWilsonIntervals() throws Exception {
        try (RunHistory h = RunHistory.open(db())) {
            ProductionScores s = h.productionScores();
            // checkout × m1: Monday 23 Nov 2 of 3 pass, Tuesday 24 Nov 0 of 1; checkout × m2: Monday 1 of 1; another suite is ignored.
            s.store(entry("t1", "suite", "checkout", "m1", "2026-11-23T00:00:00Z", true, List.of(), 0.001));
            s.store(entry("t2", "suite", "checkout", "m1", "2026-11-23T13:30:00Z", true, List.of(), 0.002));
            s.store(entry("t3", "suite", "checkout", "m1", "2026-11-23T23:59:59.999Z", false, List.of("judge", "json"), 0.004));
            s.store(entry("t4", "suite", "checkout", "m1", "2026-11-24T08:00:00Z", false, List.of("json"), 0));
            s.store(entry("t5", "suite", "checkout", "m2", "2026-11-23T09:00:00Z", true, List.of(), 0));
            s.store(entry("t6", "other", "checkout", "m1", "2026-11-23T09:00:00Z", false, List.of("json"), 0));

            List<ProductionScoresWindow> days = s.passRates("suite", Period.DAY, null, null, null);
            assertThat(days).extracting(w -> w.feature() + "|" + w.model() + "|" + w.start() + "|" + w.passed() + "/" + w.n()).containsExactly(
                    "checkout|m1|2026-11-23T00:00:00Z|2/3", "checkout|m1|2026-11-24T00:00:00Z|0/1", "checkout|m2|2026-11-23T00:00:00Z|1/1");
            ProductionScoresWindow monday = days.get(0);
            // Wilson 95 % of 2/3 by hand: centre (2/3 + z²/6)/(1 + z²/3), half-width z/(1 + z²/3)·sqrt(2/27 + z²/36)
            assertThat(monday.interval().lo()).isCloseTo(0.207660, within(1e-6));
            assertThat(monday.interval().hi()).isCloseTo(0.938508, within(1e-6));
            assertThat(monday.failingChecks()).isEqualTo(Map.of("judge", 1L, "json", 1L));
            assertThat(monday.graderCostUsd()).isCloseTo(0.007, within(1e-12));
            assertThat(days.get(1).interval().lo()).isEqualTo(0.0);
            assertThat(days.get(1).interval().hi()).isCloseTo(0.793451, within(1e-6));

            List<ProductionScoresWindow> weeks = s.passRates("suite", Period.WEEK, "checkout", null, null);
            assertThat(weeks).extracting(w -> w.model() + "|" + w.start() + "|" + w.passed() + "/" + w.n())
                    .containsExactly("m1|2026-11-23T00:00:00Z|2/4", "m2|2026-11-23T00:00:00Z|1/1");
            // 2/4: centre exactly 1/2, half-width z/(1 + z²/4)·sqrt(1/16 + z²/64)
            assertThat(weeks.get(0).interval().lo()).isCloseTo(0.150039, within(1e-6));
            assertThat(weeks.get(0).interval().hi()).isCloseTo(0.849961, within(1e-6));
            assertThat(weeks.get(0).failingChecks()).isEqualTo(Map.of("judge", 1L, "json", 2L));

            assertThat(s.passRates("suite", Period.DAY, null, Instant.parse("2026-11-24T00:00:00Z"), null)).hasSize(1);
        }
    }

    static ProductionScoresEntry entry(String trace, String suite, String feature, String model, String started, boolean passed,
                                       List<String> failed, double cost) {
        return new ProductionScoresEntry(trace, "01", suite, feature, model, Instant.parse(started), passed, failed, "[]", cost);
    }
}
