package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a history between stores: DuckDB file → PostgreSQL → a second DuckDB file gives back every row unchanged. */
class HistoryCopyTest {
    @TempDir Path dir;

    private static HistoryStore freshPostgres() {
        PostgresServer pg = PostgresServer.shared();
        return HistoryStore.parse(pg.newDatabaseUrl(), Map.of(HistoryStore.PASSWORD_ENV, pg.password()));
    }

    /** One or two rows in each of the schema's eight tables. */
    private void fill(RunHistory h) throws Exception {
        h.recordRunDirectory(Fixtures.run(dir.resolve("out"), "20261123-100000-aaaa", "2026-11-23T10:00:00.25Z", 0.666667));
        h.production().add(List.of(
                ProductionSpansTest.span("00000000000000a1", "support", "gpt-4o", "gpt-4o-2024-08-06", "fp_a", "2026-11-23T10:00:00.123456Z", 812.5, 95.25, null, 0.0012),
                ProductionSpansTest.span("00000000000000a2", "support", "gpt-4o", null, null, "2026-11-24T11:30:00Z", null, null, "429", null)));
        h.productionScores().store(new ProductionScoresEntry("0af7651916cd43dd8448eb211c80319c", "00000000000000a1", "qa", "support", "gpt-4o",
                Instant.parse("2026-11-23T10:00:00.123456Z"), false, List.of("exact", "json"), "[]", 0.0004));
        h.ledger().addClaims(List.of(Claim.of("support", "openai", "gpt-4o", null, "pass_rate.value", 0.91, "model card", LocalDate.of(2026, 1, 5))));
        h.ledger().putFeature(new LedgerFeature("support", LocalDate.of(2026, 1, 5), "ana", "suite.yaml", "qa"));
        h.ledger().sign(new ReviewSignoff("support", "accurate", "week4", LocalDate.of(2026, 2, 2), "ana", Instant.parse("2026-02-03T09:00:00.5Z"), "ok"));
    }

    @Test
    void aDuckDbHistoryMovesToPostgresAndBackWithEveryRowUnchanged() throws Exception {
        Path first = dir.resolve("first.duckdb"), back = dir.resolve("back.duckdb");
        HistoryStore shared = freshPostgres();
        Map<String, Long> toPostgres;
        try (RunHistory h = RunHistory.open(first)) {
            fill(h);
            try (RunHistory pg = RunHistory.open(shared)) {
                toPostgres = h.copyTo(pg);
                // Read back through the API on PostgreSQL: the same values as written.
                assertThat(pg.runs()).usingRecursiveComparison().isEqualTo(h.runs());
                assertThat(pg.calls("20261123-100000-aaaa")).isEqualTo(h.calls("20261123-100000-aaaa"));
                assertThat(pg.production().spans(null, null, null)).isEqualTo(h.production().spans(null, null, null));
                assertThat(pg.production().spans(null, null, null).get(0).startedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123456Z"));
                assertThat(pg.ledger().claims()).isEqualTo(h.ledger().claims());
                assertThat(pg.ledger().signoffs("support")).isEqualTo(h.ledger().signoffs("support"));
                try (RunHistory b = RunHistory.open(back)) {
                    assertThat(pg.copyTo(b)).isEqualTo(toPostgres);
                }
            }
        }
        // 3 calls and 26 metrics (RunHistoryTest's hand count), 2 spans, 1 score, 1 claim, 1 feature, 1 sign-off.
        assertThat(toPostgres).containsExactly(Map.entry("runs", 1L), Map.entry("target_metrics", 26L), Map.entry("calls", 3L),
                Map.entry("production_spans", 2L), Map.entry("production_scores", 1L), Map.entry("claims", 1L), Map.entry("features", 1L),
                Map.entry("review_signoffs", 1L));
        // Every table the migrations made, compared row for row as text (recorded_at and ingested_at included: they
        // are copied, not re-stamped): a table the copy forgot would differ here.
        for (String table : tables(first)) {
            assertThat(rows(back, table)).as(table).isEqualTo(rows(first, table));
        }
        assertThat(tables(first)).hasSize(8);
    }

    @Test
    void aCopyIntoAHistoryThatHasRowsIsRefusedAndChangesNothing() throws Exception {
        HistoryStore shared = freshPostgres();
        try (RunHistory h = RunHistory.open(dir.resolve("h.duckdb")); RunHistory pg = RunHistory.open(shared)) {
            fill(h);
            pg.ledger().putFeature(new LedgerFeature("other", LocalDate.of(2026, 3, 1), null, null, null));
            assertThatThrownBy(() -> h.copyTo(pg)).isInstanceOf(HistoryException.class)
                    .hasMessageContaining("table features already has rows").hasMessageContaining("copy into an empty history")
                    .hasMessageNotContaining(PostgresServer.shared().password());
            assertThat(pg.runs()).isEmpty();
            assertThat(pg.ledger().features()).extracting(LedgerFeature::name).containsExactly("other");
        }
    }

    private static List<String> tables(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                     + "AND table_name <> 'schema_migrations' ORDER BY table_name")) {
            while (r.next()) out.add(r.getString(1));
        }
        return out;
    }

    private static List<String> rows(Path db, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(r.getString(i)).append('|');
                out.add(row.toString());
            }
        }
        out.sort(null);
        return out;
    }
}
