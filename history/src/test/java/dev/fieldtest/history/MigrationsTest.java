package dev.fieldtest.history;

import static dev.fieldtest.history.StoreKind.ALL_VERSIONS;
import static dev.fieldtest.history.StoreSql.longs;
import static dev.fieldtest.history.StoreSql.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema's migrations against a real DuckDB file and a real PostgreSQL database. */
class MigrationsTest extends OnEveryStore {
    private static final Path MIGRATIONS = Path.of("src/main/resources/dev/fieldtest/history/migrations");

    @Test
    void anEmptyStoreIsMigratedToTheNewestVersion() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.runs()).isEmpty();
            assertThat(h.store()).isEqualTo(db);
        }
        assertThat(longs(db, "SELECT version FROM schema_migrations ORDER BY version")).isEqualTo(ALL_VERSIONS);
        assertThat(strings(db, StoreKind.TABLES)).containsExactly("calls", "claims", "features", "production_scores", "production_spans",
                "review_signoffs", "runs", "schema_migrations", "target_metrics");
        assertThat(strings(db, store.indexNames())).containsExactly("production_spans_feature_time", "target_metrics_target_metric");
    }

    @Test
    void reopeningAppliesNothingTwiceAndKeepsTheData() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(Fixtures.run(dir.resolve("r1"), "r1", "2026-11-23T10:00:00Z", 0.666667));
        }
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.runs()).extracting(RunSummary::runId).containsExactly("r1");
        }
        try (RunHistory ignored = RunHistory.open(db)) {
            // a third open, to be sure
        }
        assertThat(longs(db, "SELECT version FROM schema_migrations ORDER BY version")).isEqualTo(ALL_VERSIONS);
    }

    @Test
    void aVersion1DatabaseIsUpgradedByV2() throws Exception {
        StoreSql.exec(db, Files.readString(MIGRATIONS.resolve("V1__init.sql"), StandardCharsets.UTF_8)
                + "\nCREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL);"
                + "\nINSERT INTO schema_migrations VALUES (1, TIMESTAMP '2026-01-01 00:00:00');");
        assertThat(strings(db, store.indexNames())).isEmpty();
        try (RunHistory ignored = RunHistory.open(db)) {
            // opening migrates
        }
        assertThat(longs(db, "SELECT version FROM schema_migrations ORDER BY version")).isEqualTo(ALL_VERSIONS);
        assertThat(strings(db, store.indexNames())).containsExactly("production_spans_feature_time", "target_metrics_target_metric");
        assertThat(strings(db, "SELECT CAST(applied_at AS VARCHAR) FROM schema_migrations WHERE version = 1")).containsExactly("2026-01-01 00:00:00");
    }

    @Test
    void aDatabaseFromANewerFieldtestIsRefusedWithAClearMessage() throws Exception {
        try (RunHistory ignored = RunHistory.open(db)) {
            // create at the newest version
        }
        StoreSql.exec(db, "INSERT INTO schema_migrations VALUES (6, TIMESTAMP '2030-01-01 00:00:00')");
        assertThatThrownBy(() -> RunHistory.open(db)).isInstanceOf(HistoryException.class)
                .hasMessage(db.display() + ": history database schema version 6 is newer than this fieldtest supports (5); "
                        + "upgrade fieldtest or use another --history file");
        // The refusal released the store (the DuckDB file, PostgreSQL's migration lock): a second open is refused the same way, not stuck.
        assertThatThrownBy(() -> RunHistory.open(db)).isInstanceOf(HistoryException.class).hasMessageContaining("schema version 6 is newer");
        assertThat(longs(db, "SELECT max(version) FROM schema_migrations")).containsExactly(6L);
    }
}
