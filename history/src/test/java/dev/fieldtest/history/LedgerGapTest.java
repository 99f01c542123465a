package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claimed vs offline vs production against numbers worked by hand. */
class LedgerGapTest extends OnEveryStore {
    private static final String ACME = "https://api.acme.com/v1";

    private static Claim claim(String model, double value) {
        return Claim.of(null, "acme", model, null, "pass_rate.value", value, "card", LocalDate.of(2026, 1, 5));
    }

    private void record(String runId, String started, String model, double passRate) throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(LedgerFixtures.run(dir.resolve(runId), runId, started, "qa", "t-" + model, model, ACME, passRate, passRate - 0.1, passRate + 0.1));
        }
    }

    @Test
    void theDeltasAreLatestClaimMinusLatestOfflineAndLatestOfflineMinusLatestProductionWeek() throws Exception {
        record("r1", "2026-11-02T10:00:00Z", "m1", 0.70);
        record("r2", "2026-11-09T10:00:00Z", "m1", 0.72);
        // Week of Monday 2026-11-16: 10 scored spans of m1 (a dated snapshot of it), 6 passed.
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sql.append("INSERT INTO production_scores (trace_id, span_id, suite, feature, model, started_at, passed, failed_checks, verdicts, grader_cost_usd, scored_at) VALUES ('t%d', 's', 'qa', 'search', 'M1-2026-10-01', TIMESTAMP '2026-11-18 12:00:00', %s, %s, '[]', NULL, now());"
                    .formatted(i, i < 6, StoreSql.NO_TEXTS));
        }
        StoreSql.exec(db, sql.toString());
        try (RunHistory h = RunHistory.open(db)) {
            h.ledger().addClaims(List.of(claim("m1", 0.90)));
            List<LedgerGap> gaps = LedgerGap.compute(h.ledger(), null, null, null, Map.of());
            assertThat(gaps).singleElement().satisfies(g -> {
                assertThat(g.model()).isEqualTo(new LedgerModel("acme", "m1"));
                assertThat(g.offline()).extracting(LedgerOffline::runId).containsExactly("r1", "r2");
                LedgerOffline last = g.offline().get(1);
                assertThat(last.value()).isEqualTo(0.72);
                assertThat(last.lo()).isEqualTo(0.62, within(1e-12));
                assertThat(last.hi()).isEqualTo(0.82, within(1e-12));
                assertThat(last.n()).isEqualTo(50L);
                assertThat(last.target()).isEqualTo("t-m1");
                assertThat(g.production()).singleElement().satisfies(w -> {
                    assertThat(w.weekOf()).isEqualTo(LocalDate.of(2026, 11, 16));
                    assertThat(w.n()).isEqualTo(10);
                    assertThat(w.value()).isEqualTo(0.6);
                    // Wilson 95 % for 6/10, worked by hand: (0.3127, 0.8318)
                    assertThat(w.lo()).isEqualTo(0.3127, within(1e-4));
                    assertThat(w.hi()).isEqualTo(0.8318, within(1e-4));
                });
                assertThat(g.claimedMinusOffline()).isEqualTo(0.18, within(1e-12));
                assertThat(g.offlineMinusProd()).isEqualTo(0.12, within(1e-12));
                assertThat(g.realisation()).isNull(); // no other claim of acme has a measurement
            });
        }
    }

    @Test
    void theRealisationIsTheGeometricMeanOfTheOtherClaimsRatios() throws Exception {
        record("r1", "2026-11-02T10:00:00Z", "m1", 0.72);
        record("r2", "2026-11-02T11:00:00Z", "m2", 0.60);
        record("r3", "2026-11-02T12:00:00Z", "m3", 0.45);
        try (RunHistory h = RunHistory.open(db)) {
            h.ledger().addClaims(List.of(claim("m1", 0.90), claim("m2", 0.80), claim("m3", 0.50), claim("m4", 0.91)));
            List<LedgerGap> gaps = LedgerGap.compute(h.ledger(), null, null, null, Map.of());
            // ratios 0.72/0.90 = 0.8, 0.60/0.80 = 0.75, 0.45/0.50 = 0.9; (0.8 · 0.75 · 0.9)^(1/3) = 0.54^(1/3) = 0.814325
            LedgerRealisation all = LedgerGap.realisation(gaps, "acme", "pass_rate.value");
            assertThat(all.n()).isEqualTo(3);
            assertThat(all.ratio()).isEqualTo(0.814325, within(1e-6));
            assertThat(all.min()).isEqualTo(0.75, within(1e-12));
            assertThat(all.max()).isEqualTo(0.9, within(1e-12));
            LedgerGap m4 = gaps.stream().filter(g -> g.model().model().equals("m4")).findFirst().orElseThrow();
            assertThat(m4.offline()).isEmpty();
            assertThat(m4.realisation().n()).isEqualTo(3);
            assertThat(m4.expected()).isEqualTo(0.91 * 0.814325, within(1e-6)); // 0.741036
            assertThat(m4.realisation().sentence(0.91))
                    .isEqualTo("acme's pass_rate.value claims have realised 0.814× (n=3 claims, range 0.75–0.9); expect 0.741 for this 0.91 claim");
            // m1's own expectation leaves m1 out: (0.75 · 0.9)^(1/2) = 0.821584
            LedgerGap m1 = gaps.stream().filter(g -> g.model().model().equals("m1")).findFirst().orElseThrow();
            assertThat(m1.realisation().ratio()).isEqualTo(0.821584, within(1e-6));
        }
    }

    @Test
    void anOverrideMapsATargetTheRuleCannot() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(LedgerFixtures.run(dir.resolve("r1"), "r1", "2026-11-02T10:00:00Z", "qa", "proxy", "my-deploy", "http://127.0.0.1:8080/v1", 0.5, 0.4, 0.6));
            h.ledger().addClaims(List.of(claim("m1", 0.90)));
            assertThat(LedgerGap.compute(h.ledger(), null, null, null, Map.of()).get(0).offline()).isEmpty();
            assertThat(LedgerGap.compute(h.ledger(), null, null, null, Map.of("proxy", new LedgerModel("acme", "m1"))).get(0).offline())
                    .extracting(LedgerOffline::value).containsExactly(0.5);
        }
    }

    @Test
    void filtersSelectRows() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.ledger().addClaims(List.of(claim("m1", 0.9), claim("m2", 0.8),
                    Claim.of("search", "acme", "m1", null, "latency_ms.p95", 800, "card", LocalDate.of(2026, 1, 5))));
            assertThat(LedgerGap.compute(h.ledger(), null, "m1", null, Map.of())).hasSize(2);
            assertThat(LedgerGap.compute(h.ledger(), "search", null, null, Map.of())).singleElement().extracting(LedgerGap::metric).isEqualTo("latency_ms.p95");
            assertThat(LedgerGap.compute(h.ledger(), null, null, "pass_rate.value", Map.of())).hasSize(2);
        }
    }

    @Test
    void aClaimAboutAFeatureIsComparedWithTheRunsOfThatFeaturesSuiteOnly() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(LedgerFixtures.run(dir.resolve("q"), "q", "2026-11-02T10:00:00Z", "qa", "t", "m1", ACME, 0.7, 0.6, 0.8));
            h.recordRunDirectory(LedgerFixtures.run(dir.resolve("o"), "o", "2026-11-03T10:00:00Z", "other", "t", "m1", ACME, 0.4, 0.3, 0.5));
            h.ledger().putFeature(new LedgerFeature("search", LocalDate.of(2026, 1, 5), null, "suite.yaml", "qa"));
            h.ledger().addClaims(List.of(claim("m1", 0.9), Claim.of("search", "acme", "m1", null, "pass_rate.value", 0.9, "card", LocalDate.of(2026, 1, 5))));
            List<LedgerGap> gaps = LedgerGap.compute(h.ledger(), null, null, null, Map.of());
            assertThat(gaps).extracting(g -> g.feature() + " " + g.offline().stream().map(LedgerOffline::runId).toList())
                    .containsExactlyInAnyOrder("null [q, o]", "search [q]");
        }
    }
}
