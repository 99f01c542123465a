package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema's migrations against real DuckDB files. */
class MigrationsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/dev/fieldtest/history/migrations");
    @TempDir Path dir;

    @Test
    void anEmptyFileIsMigratedToTheNewestVersionInsideDirectoriesItCreates() throws Exception {
        Path db = dir.resolve("a/b/history.duckdb");
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.runs()).isEmpty();
        }
        assertThat(db).isRegularFile();
        assertThat(longs(db, "SELECT version FROM schema_migrations ORDER BY version")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(strings(db, "SELECT table_name FROM duckdb_tables() ORDER BY table_name"))
                .containsExactly("calls", "claims", "features", "production_scores", "production_spans", "review_signoffs", "runs",
                        "schema_migrations", "target_metrics");
        assertThat(strings(db, "SELECT index_name FROM duckdb_indexes() ORDER BY index_name"))
                .containsExactly("production_spans_feature_time", "target_metrics_target_metric");
    }

    @Test
    void reopeningAppliesNothingTwiceAndKeepsTheData() throws Exception {
        Path db = dir.resolve("history.duckdb");
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(Fixtures.run(dir.resolve("r1"), "r1", "2026-11-23T10:00:00Z", 0.666667));
        }
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.runs()).extracting(RunSummary::runId).containsExactly("r1");
        }
        try (RunHistory ignored = RunHistory.open(db)) {
            // a third open, to be sure
        }
        assertThat(longs(db, "SELECT version FROM schema_migrations ORDER BY version")).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aVersion1DatabaseIsUpgradedByV2() throws Exception {
        Path db = dir.resolve("v1.duckdb");
        exec(db, Files.readString(MIGRATIONS.resolve("V1__init.sql"), StandardCharsets.UTF_8)
                + "\nCREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL);"
                + "\nINSERT INTO schema_migrations VALUES (1, TIMESTAMP '2026-01-01 00:00:00');");
        assertThat(strings(db, "SELECT index_name FROM duckdb_indexes()")).isEmpty();
        try (RunHistory ignored = RunHistory.open(db)) {
            // opening migrates
        }
        assertThat(longs(db, "SELECT version FROM schema_migrations ORDER BY version")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(strings(db, "SELECT index_name FROM duckdb_indexes() ORDER BY index_name"))
                .containsExactly("production_spans_feature_time", "target_metrics_target_metric");
    }

    @Test
    void aDatabaseFromANewerFieldtestIsRefusedWithAClearMessage() throws Exception {
        Path db = dir.resolve("newer.duckdb");
        try (RunHistory ignored = RunHistory.open(db)) {
            // create at the newest version
        }
        exec(db, "INSERT INTO schema_migrations VALUES (6, TIMESTAMP '2030-01-01 00:00:00')");
        assertThatThrownBy(() -> RunHistory.open(db)).isInstanceOf(HistoryException.class)
                .hasMessage(db + ": history database schema version 6 is newer than this fieldtest supports (5); "
                        + "upgrade fieldtest or use another --history file");
        // the refusal released the file: another process (here, this test) can open it again
        assertThat(longs(db, "SELECT max(version) FROM schema_migrations")).containsExactly(6L);
    }

    @Test
    void aFileThatIsNotADuckDbDatabaseIsAnErrorNamingIt() throws Exception {
        Path db = Files.writeString(dir.resolve("notes.duckdb"), "just some text\n");
        assertThatThrownBy(() -> RunHistory.open(db)).isInstanceOf(HistoryException.class)
                .hasMessageStartingWith(db + ": cannot open the history database").hasMessageContaining("another --history file");
    }

    static void exec(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<Long> longs(Path db, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) out.add(r.getLong(1));
        }
        return out;
    }

    static List<String> strings(Path db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) out.add(r.getString(1));
        }
        return out;
    }
}
