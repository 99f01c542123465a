package dev.fieldtest.history;

import static dev.fieldtest.history.ProductionSpansTest.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a shared PostgreSQL store adds to the conformance kit: many processes at once, and its own time zones. */
class PostgresStoreTest {
    @TempDir Path dir;

    @Test
    void twoHistoriesOpenOnOneDatabaseSeeEachOthersWritesAtOnce() throws Exception {
        HistoryStore db = StoreKind.POSTGRES.fresh(dir);
        List<ProductionSpan> spans = List.of(span("00000000000000a1", "support", "gpt-4o", "gpt-4o-2024-08-06", "fp_a", "2026-11-23T10:00:00.123456Z", 812.5, 95.25, null, 0.0012),
                span("00000000000000a2", "support", "gpt-4o", null, null, "2026-11-23T11:00:00Z", null, null, "429", null));
        try (RunHistory writer = RunHistory.open(db); RunHistory reader = RunHistory.open(db)) {
            assertThat(db.shared()).isTrue();
            writer.recordRunDirectory(Fixtures.run(dir.resolve("out"), "r1", "2026-11-23T10:00:00.25Z", 0.666667));
            assertThat(writer.production().add(spans)).isEqualTo(new ProductionSpansAdded(2, 0));

            assertThat(reader.runs()).extracting(RunSummary::runId, RunSummary::startedAt).containsExactly(
                    tuple("r1", Instant.parse("2026-11-23T10:00:00.25Z")));
            assertThat(reader.calls("r1")).isEqualTo(writer.calls("r1")).hasSize(3);
            assertThat(reader.production().spans(null, null, null)).isEqualTo(spans);
            // The reader's own write is no news to the writer either, and a batch already stored adds nothing from either side.
            assertThat(reader.ledger().addClaims(List.of(Claim.of(null, "acme", "m1", null, "pass_rate.value", 0.9, "card", LocalDate.of(2026, 1, 5))))).isEqualTo(1);
            assertThat(writer.ledger().claims()).extracting(Claim::model).containsExactly("m1");
            assertThat(reader.production().add(spans)).isEqualTo(new ProductionSpansAdded(0, 2));
        }
    }

    /** Four processes' first opens of one empty database at once: the migration lock lets one migrate, the rest find it done. */
    @Test
    void concurrentFirstOpensAllSucceedAndApplyEachMigrationOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            HistoryStore db = StoreKind.POSTGRES.fresh(dir);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> opens = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    opens.add(pool.submit(() -> {
                        go.await();
                        try (RunHistory h = RunHistory.open(db)) {
                            return h.runs().size();
                        }
                    }));
                }
                go.countDown();
                for (Future<Integer> open : opens) assertThat(open.get()).isZero();
            } finally {
                pool.shutdownNow();
            }
            assertThat(StoreSql.longs(db, "SELECT version FROM schema_migrations ORDER BY version")).isEqualTo(StoreKind.ALL_VERSIONS);
        }
    }

    /**
     * The JVM's zone is the PostgreSQL session's (pgjdbc sends it on connect). Auckland is UTC+13 in November, so a
     * timestamp written or read through the session zone would come back 13 hours off.
     */
    @Test
    void timestampsSurviveToTheMicrosecondWhateverTheSessionTimeZone() throws Exception {
        HistoryStore db = StoreKind.POSTGRES.fresh(dir);
        Instant at = Instant.parse("2026-11-29T10:00:00.123456Z");
        ProductionSpan s = span("00000000000000a1", "support", "gpt-4o", "gpt-4o", null, at.toString(), 812.5, null, null, null);
        TimeZone jvm = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.production().add(List.of(s))).isEqualTo(new ProductionSpansAdded(1, 0));
            assertThat(h.production().spans(null, null, null)).extracting(ProductionSpan::startedAt).containsExactly(at);
            assertThat(h.production().spans("support", at, null)).hasSize(1);
            assertThat(h.production().spans("support", at.plusNanos(1000), null)).isEmpty();
            assertThat(h.production().spans("support", null, at.plusNanos(1000))).hasSize(1);
            h.productionScores().store(new ProductionScoresEntry(s.traceId(), s.spanId(), "qa", "support", "gpt-4o", at, true, List.of(), "[]", 0));
            assertThat(h.productionScores().span(s.traceId(), s.spanId()).orElseThrow().startedAt()).isEqualTo(at);
        } finally {
            TimeZone.setDefault(jvm);
        }
        try (Connection c = StoreKind.connect(db); Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'Pacific/Auckland'");
            assertThat(text(st, "SELECT CAST(started_at AS VARCHAR) FROM production_spans")).isEqualTo("2026-11-29 10:00:00.123456");
            assertThat(text(st, "SELECT CAST(started_at AS VARCHAR) FROM production_scores")).isEqualTo("2026-11-29 10:00:00.123456");
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getString(1);
        }
    }
}
