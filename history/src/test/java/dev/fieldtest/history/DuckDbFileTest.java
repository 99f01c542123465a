package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded DuckDB file does: it is a file, created with its directories, that must be a DuckDB database. */
class DuckDbFileTest {
    @TempDir Path dir;

    @Test
    void anEmptyFileIsCreatedInsideDirectoriesItCreates() throws Exception {
        Path db = dir.resolve("a/b/history.duckdb");
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.store()).isEqualTo(HistoryStore.file(db));
            assertThat(h.store().shared()).isFalse();
        }
        assertThat(db).isRegularFile();
        assertThat(StoreSql.longs(HistoryStore.file(db), "SELECT max(version) FROM schema_migrations")).containsExactly(5L);
    }

    @Test
    void aFileThatIsNotADuckDbDatabaseIsAnErrorNamingIt() throws Exception {
        Path db = Files.writeString(dir.resolve("notes.duckdb"), "just some text\n");
        assertThatThrownBy(() -> RunHistory.open(db)).isInstanceOf(HistoryException.class)
                .hasMessageStartingWith(db + ": cannot open the history database").hasMessageContaining("another --history file");
        assertThat(Files.readString(db)).as("the file is left as it was").isEqualTo("just some text\n");
    }
}
